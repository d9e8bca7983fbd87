// The life of a restriction for one person: the stage now, its open deadlines, and only the
// decisions valid now (the review service says which). Saving goes through the service with
// If-Match: when another reviewer saved first, the refusal "changed by … at …" is shown plainly
// with a reload, never a silent overwrite.
import { useState } from 'react';
import {
  Badge,
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
import { reviewOverdue } from '../../policy/people';
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
  reviewOverdueText,
  savedText,
} from './reviewText';
import { useReviewStyles } from './reviewStyles';

export { conflictText };

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // One fact a line: the label, then its value (a definition list laid out as two columns).
  facts: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& > div': {
      display: 'grid',
      gridTemplateColumns: '11em minmax(0, 1fr)',
      columnGap: tokens.spacingHorizontalM,
    },
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0 },
    '@media (max-width: 480px)': { '& > div': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  },
  overdue: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
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
  const shared = useReviewStyles();
  const [open, setOpen] = useState<TransitionKind | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const kinds = review.availableTransitions(current);
  const stage = current?.stage ?? 'none';
  const r = current?.restriction;
  // A restriction in force past its review date: marked here, where the review is recorded, as in
  // the flagged list (policy/people reviewOverdue; DOMAIN "fair to the parent").
  const overdue =
    current !== undefined &&
    r !== undefined &&
    reviewOverdue({ key: personKey, ...person, case: current }, today);
  // The end and the review are facts of the restriction above: not listed again as deadlines.
  const deadlines = (current?.deadlines ?? []).filter(
    (d) =>
      !(
        r &&
        ((d.kind === 'end' && d.due === r.endDate) ||
          (d.kind === 'review' && d.due === r.reviewDate))
      ),
  );

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
      {overdue && r && (
        <div className={styles.overdue} data-testid="review-overdue" role="note">
          <Badge appearance="filled" color="danger" className={shared.badge}>
            {REVIEW_TEXT.reviewOverdue}
          </Badge>
          <Text size={200}>{reviewOverdueText(r.reviewDate)}</Text>
        </div>
      )}
      {r && (
        <div data-testid="case-restriction">
          <dl className={styles.facts}>
            <div>
              <dt>{REVIEW_TEXT.length}</dt>
              <dd>{durationLabel(r.duration)}</dd>
            </div>
            <div>
              <dt>{REVIEW_TEXT.from}</dt>
              <dd data-testid="restriction-start">{formatDay(r.startDate)}</dd>
            </div>
            <div>
              <dt>{REVIEW_TEXT.ends}</dt>
              <dd data-testid="restriction-end">{formatDay(r.endDate)}</dd>
            </div>
            <div>
              <dt>{REVIEW_TEXT.reviewBy}</dt>
              <dd data-testid="restriction-review">
                {formatDay(r.reviewDate)}
                {overdue ? ` (${REVIEW_TEXT.overdue.toLowerCase()})` : ''}
              </dd>
            </div>
            <div>
              <dt>{REVIEW_TEXT.spoc}</dt>
              <dd data-testid="restriction-spoc">{r.terms.spoc.name}</dd>
            </div>
          </dl>
          <Text size={200} weight="semibold">
            {REVIEW_TEXT.termsHeading}
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
      {deadlines.length > 0 && (
        <div>
          <Text size={200} weight="semibold">
            {REVIEW_TEXT.openDeadlines}
          </Text>
          <ul className={styles.list} data-testid="case-deadlines">
            {deadlines.map((d) => (
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
