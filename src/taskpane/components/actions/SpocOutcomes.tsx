import { useState } from 'react';
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
import { ACTION_TEXT, outcomeText, spocHeading } from './actionText';

const useStyles = makeStyles({
  box: { display: 'grid', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  actions: RestrictedActions;
  message: OpenMessage;
  personName: string;
  status: EmailStatus;
  onChanged: () => Promise<void>;
}

/**
 * The single point of contact's two outcomes (the policies: "read to ensure no new issues are
 * raised, then filed without acknowledgement"): no new issue → filed, recorded; new issue → kept in
 * the inbox, recorded, and logged as a contact event.
 */
export function SpocOutcomes({ actions, message, personName, status, onChanged }: Props) {
  const styles = useStyles();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);
  const run = async (task: () => Promise<void>) => {
    setWorking(true);
    setError(null);
    try {
      await task();
      await onChanged();
    } catch (e) {
      setError(asFailure(e).message);
    } finally {
      setWorking(false);
    }
  };
  const outcome = status.outcome;
  return (
    <section className={styles.box} aria-label={ACTION_TEXT.spoc} data-testid="spoc-outcomes">
      <Text as="h3" weight="semibold">
        {spocHeading(personName)}
      </Text>
      {outcome ? (
        <>
          <Text as="p" data-testid="spoc-outcome-done">
            {outcomeText(outcome)}
          </Text>
          {outcome.detail === 'newIssue' && (
            <Text as="p" size={200}>
              {ACTION_TEXT.logNewIssue}
            </Text>
          )}
          {undo && (
            <div>
              <Button
                data-testid="undo-file"
                disabled={working}
                onClick={() =>
                  void run(async () => {
                    await actions.undoFile(undo);
                    setUndo(null);
                  })
                }
              >
                {ACTION_TEXT.undoFiling}
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          <Text as="p" size={200}>
            {ACTION_TEXT.readFirst}
          </Text>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              data-testid="spoc-no-new-issue"
              disabled={working}
              onClick={() =>
                void run(async () => {
                  const result = await actions.spocNoNewIssue(message, personName);
                  setUndo(result.undo ?? null);
                })
              }
            >
              {ACTION_TEXT.noNewIssue}
            </Button>
            <Button
              data-testid="spoc-new-issue"
              disabled={working}
              onClick={() => void run(async () => void (await actions.spocNewIssue(message)))}
            >
              {ACTION_TEXT.newIssue}
            </Button>
          </div>
        </>
      )}
      {working && <Spinner size="tiny" label={ACTION_TEXT.working} />}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="action-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
