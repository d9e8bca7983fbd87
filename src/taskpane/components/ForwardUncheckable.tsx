import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SENDER_CHECK_TEXT } from '../text';
import { VerdictFrame } from './VerdictPanel';

const useStyles = makeStyles({
  line: { margin: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * "Cannot check" for an email that looks forwarded when its own status (the forward header) could
 * not be read (issue 13, item 2): it may be restricted correspondence forwarded to the single point
 * of contact, and its sender (reception) is clear, so the sender's verdict is never shown in its
 * place. The same look as VerdictPanel's unavailable verdict. Outside the actions' chunk: it is
 * also what is shown when that chunk cannot be loaded.
 */
export function ForwardUncheckable({ onRetry }: { onRetry: () => void }) {
  const styles = useStyles();
  return (
    <VerdictFrame
      kind="unavailable"
      title={SENDER_CHECK_TEXT.forwardUncheckableTitle}
      announce={SENDER_CHECK_TEXT.forwardUncheckableNote}
      testId="forward-uncheckable"
    >
      <Text as="p" className={mergeClasses(styles.line, styles.strong)}>
        {SENDER_CHECK_TEXT.forwardUncheckableNote}
      </Text>
      <Text as="p" className={styles.line}>
        {SENDER_CHECK_TEXT.forwardUncheckable}
      </Text>
      <div>
        <Button appearance="primary" onClick={onRetry}>
          {SENDER_CHECK_TEXT.tryAgain}
        </Button>
      </div>
    </VerdictFrame>
  );
}
