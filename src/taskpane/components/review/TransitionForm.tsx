// One decision's form: who decided and why, and what the decision needs (the terms from the
// policies' list plus free text, a duration of 3, 6 or 12 months or to the end of a term, the review
// plan...). The dates it will set are worked out and shown before saving — never typed.
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  DECIDER_ROLES,
  DECIDER_ROLE_LABELS,
  DEADLINE_LABELS,
  STAGE_LABELS,
  WITHOUT_WARNING_GROUNDS,
  type DeciderRole,
  type RestrictionCase,
  type Transition,
  type TransitionKind,
} from '../../../policy/lifecycle/types';
import { TERM_KINDS, TERM_LABELS, type TermKind } from '../../../policy/lifecycle/terms';
import type { PreviewOutcome, Previewer } from './deadlinePreview';
import {
  DURATION_CHOICES,
  GROUND_LABELS,
  REVIEW_PLAN_CHOICES,
  TERMS_WITH_DETAIL,
  buildTransition,
  formParts,
  initialFormState,
  type DurationChoice,
  type FormState,
} from './transitionForm';
import { TRANSITION_BUTTONS, errorText, formatDay } from './reviewText';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  fieldset: {
    border: 0,
    margin: 0,
    padding: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  detail: { marginLeft: tokens.spacingHorizontalXXL },
  preview: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const PREVIEW_DELAY_MS = 250;

export interface TransitionFormProps {
  kind: TransitionKind;
  personKey: string;
  current: RestrictionCase | undefined;
  person: { name: string; emails: string[] };
  today: string;
  deciderName?: string;
  preview: Previewer;
  saving: boolean;
  onSave: (t: Transition) => void;
  onCancel: () => void;
}

export function TransitionForm({
  kind,
  personKey,
  current,
  person,
  today,
  deciderName,
  preview,
  saving,
  onSave,
  onCancel,
}: TransitionFormProps) {
  const styles = useStyles();
  const [state, setState] = useState<FormState>(() =>
    initialFormState(current, today, deciderName),
  );
  const [outcome, setOutcome] = useState<PreviewOutcome | { error: string } | null>(null);
  const parts = formParts(kind);
  const transition = useMemo(() => buildTransition(kind, state), [kind, state]);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      preview(personKey, current, person, transition).then(
        (o) => live && setOutcome(o),
        (e: unknown) => live && setOutcome({ error: errorText(e) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [preview, personKey, current, person, transition]);

  const hasWarning = current?.warning !== undefined;
  const toggleTerm = (t: TermKind, on: boolean) =>
    setState((s) => {
      const terms = { ...s.terms };
      if (on) terms[t] = terms[t] ?? '';
      else delete terms[t];
      return { ...s, terms };
    });

  return (
    <form
      className={styles.form}
      aria-label={TRANSITION_BUTTONS[kind]}
      data-testid="transition-form"
      data-kind={kind}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(transition);
      }}
    >
      <Text weight="semibold">{TRANSITION_BUTTONS[kind]}</Text>

      {parts.summary && (
        <Field label="What the concern is about" required>
          <Textarea value={state.summary} onChange={(_, d) => set('summary', d.value)} />
        </Field>
      )}

      {parts.warning && (
        <>
          <Field label="The unacceptable behaviour (002 §48)" required>
            <Textarea value={state.behaviour} onChange={(_, d) => set('behaviour', d.value)} />
          </Field>
          <Field label="Why it is unacceptable" required>
            <Textarea
              value={state.whyUnacceptable}
              onChange={(_, d) => set('whyUnacceptable', d.value)}
            />
          </Field>
          <Field label="The steps the school has taken" required>
            <Textarea value={state.stepsTaken} onChange={(_, d) => set('stepsTaken', d.value)} />
          </Field>
          <Field label="What follows if it happens again (a standard sentence if left empty)">
            <Textarea value={state.whatFollows} onChange={(_, d) => set('whatFollows', d.value)} />
          </Field>
        </>
      )}

      {parts.terms && (
        <>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Terms (the forms the policies list)</legend>
            {TERM_KINDS.filter((t) => t !== 'other').map((t) => (
              <div key={t}>
                <Checkbox
                  label={TERM_LABELS[t]}
                  checked={state.terms[t] !== undefined}
                  onChange={(_, d) => toggleTerm(t, d.checked === true)}
                />
                {TERMS_WITH_DETAIL.has(t) && state.terms[t] !== undefined && (
                  <Field
                    className={styles.detail}
                    label={t === 'phoneAtSetTimes' ? 'Days and times' : 'The conditions'}
                    required
                  >
                    <Input
                      value={state.terms[t] ?? ''}
                      onChange={(_, d) =>
                        setState((s) => ({ ...s, terms: { ...s.terms, [t]: d.value } }))
                      }
                    />
                  </Field>
                )}
              </div>
            ))}
            <Field label="Other terms, in your own words (one per line)">
              <Textarea value={state.otherTerms} onChange={(_, d) => set('otherTerms', d.value)} />
            </Field>
          </fieldset>
          <Field label="Single point of contact: name" required>
            <Input value={state.spocName} onChange={(_, d) => set('spocName', d.value)} />
          </Field>
          <Field label="Single point of contact: email address" required>
            <Input
              type="email"
              value={state.spocEmail}
              onChange={(_, d) => set('spocEmail', d.value)}
            />
          </Field>
          <Field label="Extra words for staff (optional)">
            <Textarea
              value={state.staffGuidance}
              onChange={(_, d) => set('staffGuidance', d.value)}
            />
          </Field>
          <Field label="Emergency contact arrangements (a standard note if left empty)">
            <Textarea
              value={state.emergencyNote}
              onChange={(_, d) => set('emergencyNote', d.value)}
            />
          </Field>
        </>
      )}

      {parts.duration && (
        <>
          <Field label="How long" required>
            <Select
              value={state.duration}
              onChange={(_, d) => set('duration', d.value as DurationChoice)}
            >
              {DURATION_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Review">
            <Select
              value={state.reviewPlan}
              onChange={(_, d) => set('reviewPlan', d.value as FormState['reviewPlan'])}
            >
              {REVIEW_PLAN_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}

      {parts.withoutWarning && !hasWarning && (
        <Field
          label="No written warning was given: the extreme ground for restricting without one"
          hint="Policies 001, 002 §33 and 004 allow it only in extreme cases."
        >
          <Select
            value={state.withoutWarning}
            onChange={(_, d) => set('withoutWarning', d.value as FormState['withoutWarning'])}
          >
            <option value="">(none)</option>
            {WITHOUT_WARNING_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {GROUND_LABELS[g]}
              </option>
            ))}
          </Select>
        </Field>
      )}

      {parts.receivedOn && (
        <Field label="Received on" required>
          <Input
            type="date"
            value={state.receivedOn}
            max={today}
            onChange={(_, d) => set('receivedOn', d.value)}
          />
        </Field>
      )}

      {parts.letterDate && (
        <Field
          label="Date on the parent's letter"
          hint="The chair of governors answers within 10 days of this date (policy 003). Left empty, the day it was received is used."
        >
          <Input
            type="date"
            value={state.letterDate}
            max={state.receivedOn || today}
            onChange={(_, d) => set('letterDate', d.value)}
          />
        </Field>
      )}

      {parts.upheld && (
        <Field label="The appeal was" required>
          <RadioGroup
            value={state.upheld}
            onChange={(_, d) => set('upheld', d.value as FormState['upheld'])}
          >
            <Radio value="yes" label="Upheld: the restriction is overturned" />
            <Radio value="no" label="Dismissed: the restriction stays" />
          </RadioGroup>
        </Field>
      )}

      <Field label="Who decided" required>
        <Input value={state.deciderName} onChange={(_, d) => set('deciderName', d.value)} />
      </Field>
      <Field label="As">
        <Select
          value={state.deciderRole}
          onChange={(_, d) => set('deciderRole', d.value as DeciderRole)}
        >
          {DECIDER_ROLES.map((r) => (
            <option key={r} value={r}>
              {DECIDER_ROLE_LABELS[r].replace(/^(the|a) /, '')}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Why (kept in the reviewers' records only, 002 §45)"
        hint="Never put in a letter: letters say only “What to tell the parent”, written above."
        required
      >
        <Textarea value={state.reasons} onChange={(_, d) => set('reasons', d.value)} />
      </Field>

      <PreviewBox outcome={outcome} />

      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save the decision'}
        </Button>
        <Button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function PreviewBox({ outcome }: { outcome: PreviewOutcome | { error: string } | null }) {
  const styles = useStyles();
  if (outcome === null)
    return (
      <Text size={200} className={styles.muted}>
        Working out the dates…
      </Text>
    );
  if ('error' in outcome)
    return (
      <Text size={200} className={styles.muted}>
        The dates could not be worked out here ({outcome.error}); they are shown once saved.
      </Text>
    );
  if (!outcome.ok)
    return (
      <div className={styles.preview} data-testid="preview-problems" aria-live="polite">
        <Text size={200} weight="semibold">
          {outcome.message}
        </Text>
        {outcome.problems.length > 0 && (
          <ul className={styles.list}>
            {outcome.problems.map((p) => (
              <li key={p}>
                <Text size={200}>{p}</Text>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <div className={styles.preview} data-testid="deadline-preview" aria-live="polite">
      <Text size={200} weight="semibold">
        If you save this: {STAGE_LABELS[outcome.stageAfter]}.
      </Text>
      <ul className={styles.list}>
        {outcome.endDate && (
          <li>
            <Text size={200}>Ends on {formatDay(outcome.endDate)}</Text>
          </li>
        )}
        {outcome.reviewDate && (
          <li>
            <Text size={200}>Review by {formatDay(outcome.reviewDate)}</Text>
          </li>
        )}
        {outcome.deadlines
          .filter(
            (d) =>
              !(d.kind === 'end' && d.due === outcome.endDate) &&
              !(d.kind === 'review' && d.due === outcome.reviewDate),
          )
          .map((d) => (
            <li key={`${d.kind}|${d.due}`} data-deadline={d.kind}>
              <Text size={200}>
                {DEADLINE_LABELS[d.kind]}: {formatDay(d.due)}
                {d.notes.length > 0 ? ` (${d.notes.join(' ')})` : ''}
              </Text>
            </li>
          ))}
      </ul>
    </div>
  );
}
