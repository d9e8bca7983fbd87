// The life of a restriction for one person: the stage now, its open deadlines, and only the
// decisions valid now (the review service says which). Saving goes through the service with
// If-Match: when another reviewer saved first, the refusal "changed by … at …" is shown plainly
// with a reload, never a silent overwrite.
import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReviewService, TransitionOutcome } from '../../app/review/types';
import { durationLabel } from '../../policy/dates/periods';
import { describeTermForPerson } from '../../policy/lifecycle/terms';
import {
  DEADLINE_LABELS,
  STAGE_LABELS,
  type RestrictionCase,
  type Transition,
  type TransitionKind,
} from '../../policy/lifecycle/types';
import { CaseDetailsPanel } from './CaseDetailsPanel';
import type { Previewer } from './deadlinePreview';
import { TransitionForm } from './TransitionForm';
import {
  REVIEW_TEXT,
  TRANSITION_BUTTONS,
  conflictText,
  errorText,
  formatDay,
  restrictionLineText,
  savedText,
} from './reviewText';

export { conflictText };

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'grid', rowGap: tokens.spacingVerticalS },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ActionsPanelProps {
  review: Pick<ReviewService, 'availableTransitions' | 'apply' | 'caseDetails' | 'saveCaseDetails'>;
  personKey: string;
  person: { name: string; emails: string[] };
  current: RestrictionCase | undefined;
  today: string;
  deciderName?: string;
  preview: Previewer;
  onSaved: (c: RestrictionCase) => void;
  onReload: () => void;
}

type Failure = Exclude<TransitionOutcome, { ok: true }> | { kind: 'error'; message: string };

export function ActionsPanel({
  review,
  personKey,
  person,
  current,
  today,
  deciderName,
  preview,
  onSaved,
  onReload,
}: ActionsPanelProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<TransitionKind | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const kinds = review.availableTransitions(current);
  const stage = current?.stage ?? 'none';
  const r = current?.restriction;

  const save = (t: Transition) => {
    setSaving(true);
    setFailure(null);
    setSaved(null);
    review.apply(personKey, t).then(
      (outcome) => {
        setSaving(false);
        if (outcome.ok) {
          setOpen(null);
          setSaved(savedText(STAGE_LABELS[outcome.case.stage]));
          onSaved(outcome.case);
        } else setFailure(outcome);
      },
      (e: unknown) => {
        setSaving(false);
        setFailure({ kind: 'error', message: errorText(e) });
      },
    );
  };

  return (
    <section className={styles.root} aria-labelledby="cg-actions-heading" data-testid="actions">
      <Text
        as="h2"
        block
        size={400}
        weight="semibold"
        className={styles.heading}
        id="cg-actions-heading"
      >
        {REVIEW_TEXT.decisions}
      </Text>
      <Text data-testid="case-stage" data-stage={stage}>
        {REVIEW_TEXT.now} <strong>{STAGE_LABELS[stage]}</strong>
      </Text>
      {r && (
        <div data-testid="case-restriction">
          <Text size={200}>
            {restrictionLineText({
              duration: durationLabel(r.duration),
              startDate: r.startDate,
              endDate: r.endDate,
              reviewDate: r.reviewDate,
              spocName: r.terms.spoc.name,
            })}
          </Text>
          <ul className={styles.list}>
            {r.terms.terms.map((t, i) => (
              <li key={i}>
                <Text size={200}>{describeTermForPerson(t, r.terms.spoc)}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {current && current.deadlines.length > 0 && (
        <div>
          <Text size={200} weight="semibold">
            {REVIEW_TEXT.openDeadlines}
          </Text>
          <ul className={styles.list} data-testid="case-deadlines">
            {current.deadlines.map((d) => (
              <li key={`${d.kind}|${d.due}`}>
                <Text size={200}>
                  {DEADLINE_LABELS[d.kind]}: {formatDay(d.due)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}

      {saved && (
        <MessageBar intent="success" data-testid="saved">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar
          intent={failure.kind === 'conflict' ? 'warning' : 'error'}
          data-testid="save-failure"
          data-kind={failure.kind}
          layout="multiline"
        >
          <MessageBarBody>
            {failure.kind === 'conflict' ? (
              <>
                <MessageBarTitle>{REVIEW_TEXT.changedByOther}</MessageBarTitle>
                {conflictText(failure)}
              </>
            ) : failure.kind === 'refused' ? (
              <>
                <MessageBarTitle>{REVIEW_TEXT.notSaved}</MessageBarTitle>
                {failure.message}
              </>
            ) : (
              <>
                <MessageBarTitle>{REVIEW_TEXT.notSaved}</MessageBarTitle>
                {failure.message} {REVIEW_TEXT.nothingChanged}
              </>
            )}
          </MessageBarBody>
          {failure.kind === 'conflict' && (
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  setFailure(null);
                  setOpen(null);
                  onReload();
                }}
              >
                {REVIEW_TEXT.reload}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {/* Read before any decision (000 §1.1, §5.2; 002 §65-69): above the form and the buttons. */}
      <CaseDetailsPanel review={review} personKey={personKey} />

      {open ? (
        <TransitionForm
          key={open}
          kind={open}
          personKey={personKey}
          current={current}
          person={person}
          today={today}
          deciderName={deciderName}
          preview={preview}
          saving={saving}
          onSave={save}
          onCancel={() => {
            setOpen(null);
            setFailure(null);
          }}
        />
      ) : kinds.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {REVIEW_TEXT.noDecision}
        </Text>
      ) : (
        <div className={styles.buttons} role="group" aria-label={REVIEW_TEXT.decisionsNow}>
          {kinds.map((k) => (
            <Button
              key={k}
              size="small"
              data-transition={k}
              onClick={() => {
                setSaved(null);
                setFailure(null);
                setOpen(k);
              }}
            >
              {TRANSITION_BUTTONS[k]}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}
