import { useRef, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  asFailure,
  type EmailStatus,
  type RestrictedActions,
  type UndoToken,
} from '../../../app/actions/restrictedActions';
import type { OpenMessage } from '../../../host/mailHost';
import { useAnnounce } from '../Announcer';
import { ACTION_TEXT, outcomeText, spocHeading } from './actionText';
import { useFocusAfterRender } from './useFocusAfterRender';

const useStyles = makeStyles({
  box: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  wrap: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
  line: { margin: 0 },
  outcome: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

interface Props {
  actions: RestrictedActions;
  message: OpenMessage;
  personName: string;
  status: EmailStatus;
  onChanged: () => Promise<void>;
  /** False where the verdict above already says whose correspondence this is. */
  showHeading?: boolean;
}

/**
 * The single point of contact's two outcomes (the policies: "read to ensure no new issues are
 * raised, then filed without acknowledgement"): no new issue → filed, recorded; new issue → kept in
 * the inbox, recorded, and logged as a contact event. Once chosen, focus moves to what was recorded
 * and it is said in the pane's live region; after Undo, focus returns to the buttons.
 */
export function SpocOutcomes({
  actions,
  message,
  personName,
  status,
  onChanged,
  showHeading = true,
}: Props) {
  const styles = useStyles();
  const say = useAnnounce();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const focusNext = useFocusAfterRender({ outcome: outcomeRef, first: firstRef });
  const run = async (task: () => Promise<string | null>, then: 'outcome' | 'first') => {
    setWorking(true);
    setError(null);
    focusNext('outcome');
    try {
      const said = await task();
      await onChanged();
      if (said) say(said);
      focusNext(then);
    } catch (e) {
      const text = asFailure(e).message;
      setError(text);
      say(text);
    } finally {
      setWorking(false);
    }
  };
  const outcome = status.outcome;
  return (
    <section className={styles.box} aria-label={ACTION_TEXT.spoc} data-testid="spoc-outcomes">
      {showHeading && (
        <Text as="h3" weight="semibold" className={styles.line}>
          {spocHeading(personName)}
        </Text>
      )}
      <div ref={outcomeRef} tabIndex={-1} className={styles.outcome} data-testid="spoc-outcome">
        {outcome && (
          <Text as="p" className={styles.line} data-testid="spoc-outcome-done">
            {outcomeText(outcome)}
          </Text>
        )}
        {outcome?.detail === 'newIssue' && (
          <Text as="p" size={200} className={styles.line}>
            {ACTION_TEXT.logNewIssue}
          </Text>
        )}
        {working && <Spinner size="tiny" label={ACTION_TEXT.working} />}
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="action-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {outcome ? (
        undo && (
          <div>
            <Button
              data-testid="undo-file"
              disabled={working}
              onClick={() =>
                void run(async () => {
                  await actions.undoFile(undo);
                  setUndo(null);
                  return ACTION_TEXT.filingUndone;
                }, 'first')
              }
            >
              {ACTION_TEXT.undoFiling}
            </Button>
          </div>
        )
      ) : (
        <>
          {showHeading && (
            <Text as="p" size={200} className={styles.line}>
              {ACTION_TEXT.readFirst}
            </Text>
          )}
          <div className={styles.buttons}>
            <Button
              ref={firstRef}
              appearance="primary"
              className={styles.wrap}
              data-testid="spoc-no-new-issue"
              disabled={working}
              onClick={() =>
                void run(async () => {
                  const result = await actions.spocNoNewIssue(message, personName);
                  setUndo(result.undo ?? null);
                  return outcomeText(result.mark);
                }, 'outcome')
              }
            >
              {ACTION_TEXT.noNewIssue}
            </Button>
            <Button
              className={styles.wrap}
              data-testid="spoc-new-issue"
              disabled={working}
              onClick={() =>
                void run(async () => {
                  const result = await actions.spocNewIssue(message);
                  return outcomeText(result.mark);
                }, 'outcome')
              }
            >
              {ACTION_TEXT.newIssue}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
