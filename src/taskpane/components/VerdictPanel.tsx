import type { ReactNode } from 'react';
import {
  Button,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Verdict } from '../../policy/types';
import { SENDER_CHECK_TEXT, cautionText, unavailableText } from '../text';
import { RestrictionDetails } from './RestrictionDetails';

const useStyles = makeStyles({
  panel: {
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    borderLeft: `6px solid transparent`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  restricted: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  caution: {
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  clear: {
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  unavailable: {
    borderLeftColor: tokens.colorNeutralStrokeAccessible,
  },
  title: { margin: 0 },
});

export type VerdictAttr = 'restricted' | 'caution' | 'clear' | 'unavailable' | 'checking';

interface Props {
  verdict: Verdict | null;
  onRetry: () => void;
}

/**
 * The verdict, announced to assistive technology (role="status"). `data-verdict` names the verdict
 * for tests and for anyone scripting the pane.
 */
export function VerdictPanel({ verdict, onRetry }: Props) {
  const styles = useStyles();
  if (!verdict) {
    return (
      <div role="status" data-verdict="checking" aria-busy="true" className={styles.panel}>
        <Spinner size="tiny" label={SENDER_CHECK_TEXT.checking} />
      </div>
    );
  }
  const frame = (kind: Verdict['kind'], title: string, body: ReactNode) => (
    <div role="status" data-verdict={kind} className={mergeClasses(styles.panel, styles[kind])}>
      <Text as="h2" size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {body}
    </div>
  );
  switch (verdict.kind) {
    case 'restricted':
      return frame(
        'restricted',
        SENDER_CHECK_TEXT.restrictedTitle,
        <>
          <RestrictionDetails
            restriction={verdict.restriction}
            matchedAddress={verdict.matchedAddress}
            matchedOn={verdict.matchedOn}
            reviewOverdue={verdict.reviewOverdue}
          />
          <Text as="p" size={200}>
            {SENDER_CHECK_TEXT.restrictedNote}
          </Text>
        </>,
      );
    case 'caution':
      return frame(
        'caution',
        SENDER_CHECK_TEXT.cautionTitle,
        <>
          {verdict.reasons.map((reason, i) => (
            <Text as="p" key={i}>
              {cautionText(reason)}
            </Text>
          ))}
          <Text as="p" size={200}>
            {SENDER_CHECK_TEXT.cautionNote}
          </Text>
        </>,
      );
    case 'clear':
      return frame(
        'clear',
        SENDER_CHECK_TEXT.clearTitle,
        <Text as="p">{SENDER_CHECK_TEXT.clearNote}</Text>,
      );
    case 'unavailable':
      return frame(
        'unavailable',
        SENDER_CHECK_TEXT.unavailableTitle,
        <>
          <Text as="p">{unavailableText[verdict.reason]}</Text>
          {verdict.reason !== 'noSender' && (
            <Text as="p" size={200}>
              {SENDER_CHECK_TEXT.unavailableNote}
            </Text>
          )}
          {verdict.reason !== 'noSender' && verdict.reason !== 'malformedMatch' && (
            <div>
              <Button appearance="primary" onClick={onRetry}>
                {SENDER_CHECK_TEXT.tryAgain}
              </Button>
            </div>
          )}
        </>,
      );
  }
}
