// The fairness duties and the letter facts of a case, shown to reviewers above the decisions so
// they are read before any decision (000 §1.1 reasonable adjustments, §5.2 independent advocacy;
// 002 §65 another form of communication, §68 reasonable adjustments, §69 a representative), and
// edited here. The letters use "what to tell the parent", never the reviewers' own reasons.
import { useCallback, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CaseDetailsView, ReviewService } from '../../app/review/types';
import { REVIEW_TEXT, conflictText, errorText } from './reviewText';
import { useAsync } from '../useAsync';

const useStyles = makeStyles({
  root: {
    minWidth: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

const EMPTY: CaseDetailsView = { fairness: {}, letterFacts: {} };

export interface CaseDetailsPanelProps {
  review: Pick<ReviewService, 'caseDetails' | 'saveCaseDetails'>;
  personKey: string;
}

type Draft = {
  adjustments: string;
  representative: string;
  parentExplanation: string;
  incidentAt: string;
  reportedBy: string;
  effectOnStaffAndPupils: string;
};

function draftOf(d: CaseDetailsView): Draft {
  return {
    adjustments: d.fairness.adjustments ?? '',
    representative: d.fairness.representative ?? '',
    parentExplanation: d.letterFacts.parentExplanation ?? '',
    incidentAt: d.letterFacts.incidentAt ?? '',
    reportedBy: d.letterFacts.reportedBy ?? '',
    effectOnStaffAndPupils: d.letterFacts.effectOnStaffAndPupils ?? '',
  };
}

function viewOf(d: Draft): CaseDetailsView {
  const keep = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const pick = <K extends string>(o: Record<K, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<
      Record<K, string>
    >;
  return {
    fairness: pick({ adjustments: keep(d.adjustments), representative: keep(d.representative) }),
    letterFacts: pick({
      parentExplanation: keep(d.parentExplanation),
      incidentAt: keep(d.incidentAt),
      reportedBy: keep(d.reportedBy),
      effectOnStaffAndPupils: keep(d.effectOnStaffAndPupils),
    }),
  };
}

export function CaseDetailsPanel({ review, personKey }: CaseDetailsPanelProps) {
  const styles = useStyles();
  const read = useAsync(useCallback(() => review.caseDetails(personKey), [review, personKey]));
  // What this panel saved, shown instead of what was read.
  const [loaded, setLoaded] = useState<{ key: string; details: CaseDetailsView } | null>(null);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [saveMessage, setMessage] = useState<{
    intent: 'error' | 'warning';
    text: string;
  } | null>(null);
  const [saving, setSaving] = useState(false);
  const savedHere = loaded?.key === personKey;
  // A record that cannot be read is edited from empty, with the reason shown.
  const message =
    saveMessage ??
    (read.state === 'error' && !savedHere
      ? { intent: 'error' as const, text: errorText(read.error) }
      : null);

  const details = savedHere
    ? loaded.details
    : read.state === 'done'
      ? read.value
      : read.state === 'error'
        ? EMPTY
        : undefined;
  if (!details) return <Text size={200}>{REVIEW_TEXT.readingFairness}</Text>;
  const { adjustments, representative } = details.fairness;

  const save = (d: Draft) => {
    setSaving(true);
    setMessage(null);
    const next = viewOf(d);
    review.saveCaseDetails(personKey, next).then(
      (outcome) => {
        setSaving(false);
        if (outcome.ok) {
          setLoaded({ key: personKey, details: next });
          setEditing(null);
        } else
          setMessage({
            intent: outcome.kind === 'conflict' ? 'warning' : 'error',
            text: outcome.kind === 'conflict' ? conflictText(outcome) : outcome.message,
          });
      },
      (e: unknown) => {
        setSaving(false);
        setMessage({ intent: 'error', text: errorText(e) });
      },
    );
  };

  const set = (k: keyof Draft, v: string) => setEditing((d) => (d ? { ...d, [k]: v } : d));

  return (
    <div className={styles.root} data-testid="case-fairness">
      <Text size={300} weight="semibold">
        {REVIEW_TEXT.beforeDeciding}
      </Text>
      <Text size={200} data-testid="fairness-adjustments">
        {REVIEW_TEXT.adjustmentsLead}{' '}
        {adjustments ? <strong>{adjustments}</strong> : REVIEW_TEXT.noneRecorded}
      </Text>
      <Text size={200} data-testid="fairness-representative">
        {REVIEW_TEXT.representativeLead}{' '}
        {representative ? <strong>{representative}</strong> : REVIEW_TEXT.noRepresentative}
      </Text>
      {message && (
        <MessageBar intent={message.intent} data-testid="details-failure">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {editing ? (
        <>
          <Field label={REVIEW_TEXT.adjustments} hint={REVIEW_TEXT.adjustmentsHint}>
            <Textarea
              value={editing.adjustments}
              onChange={(_, d) => set('adjustments', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.representative} hint={REVIEW_TEXT.representativeHint}>
            <Textarea
              value={editing.representative}
              onChange={(_, d) => set('representative', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.parentExplanation} hint={REVIEW_TEXT.parentExplanationHint}>
            <Textarea
              value={editing.parentExplanation}
              onChange={(_, d) => set('parentExplanation', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.incidentAt}>
            <Input
              type="datetime-local"
              value={editing.incidentAt}
              onChange={(_, d) => set('incidentAt', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.reportedBy}>
            <Input value={editing.reportedBy} onChange={(_, d) => set('reportedBy', d.value)} />
          </Field>
          <Field label={REVIEW_TEXT.effect}>
            <Textarea
              value={editing.effectOnStaffAndPupils}
              onChange={(_, d) => set('effectOnStaffAndPupils', d.value)}
            />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={saving} onClick={() => save(editing)}>
              {saving ? REVIEW_TEXT.saving : REVIEW_TEXT.save}
            </Button>
            <Button disabled={saving} onClick={() => setEditing(null)}>
              {REVIEW_TEXT.cancel}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.buttons}>
          <Button size="small" onClick={() => setEditing(draftOf(details))}>
            {REVIEW_TEXT.editDetails}
          </Button>
          {!details.letterFacts.parentExplanation && (
            <Text size={200} className={styles.muted}>
              {REVIEW_TEXT.noParentExplanation}
            </Text>
          )}
        </div>
      )}
    </div>
  );
}
