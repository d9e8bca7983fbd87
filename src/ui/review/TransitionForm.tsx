// One decision's form: who decided and why, and what the decision needs (the terms from the
// policies' list plus free text, a duration of 3, 6 or 12 months or to the end of a term, the review
// plan...). The dates it will set are worked out and shown before saving — never typed.
import { useEffect, useMemo, useRef, useState } from 'react';
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
} from '../../policy/lifecycle/types';
import { TERM_KINDS, TERM_LABELS, type TermKind } from '../../policy/lifecycle/terms';
import { readAddressEntry } from '../../policy/addressEntry';
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
import {
  REVIEW_TEXT,
  TRANSITION_BUTTONS,
  endsOnText,
  errorText,
  formatDay,
  ifYouSaveText,
  previewFailedText,
  reviewByText,
} from './reviewText';

const useStyles = makeStyles({
  form: {
    minWidth: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
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
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
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
  const spocEmailRef = useRef<HTMLInputElement>(null);

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
        // A refused SPOC address is never saved (issue 13 item 10): its message is already
        // beside the box, so the reviewer is taken there instead. The lifecycle rules refuse it
        // too (checkTerms); this keeps the save from even being tried.
        if (parts.terms && addressProblem(state.spocEmail).validationState === 'error') {
          spocEmailRef.current?.focus();
          return;
        }
        onSave(transition);
      }}
    >
      <Text weight="semibold">{TRANSITION_BUTTONS[kind]}</Text>

      {parts.summary && (
        <Field label={REVIEW_TEXT.concernAbout} required>
          <Textarea value={state.summary} onChange={(_, d) => set('summary', d.value)} />
        </Field>
      )}

      {parts.warning && (
        <>
          <Field label={REVIEW_TEXT.behaviour} required>
            <Textarea value={state.behaviour} onChange={(_, d) => set('behaviour', d.value)} />
          </Field>
          <Field label={REVIEW_TEXT.whyUnacceptable} required>
            <Textarea
              value={state.whyUnacceptable}
              onChange={(_, d) => set('whyUnacceptable', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.stepsTaken} required>
            <Textarea value={state.stepsTaken} onChange={(_, d) => set('stepsTaken', d.value)} />
          </Field>
          <Field label={REVIEW_TEXT.whatFollows}>
            <Textarea value={state.whatFollows} onChange={(_, d) => set('whatFollows', d.value)} />
          </Field>
        </>
      )}

      {parts.terms && (
        <>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{REVIEW_TEXT.terms}</legend>
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
                    label={
                      t === 'phoneAtSetTimes' ? REVIEW_TEXT.daysAndTimes : REVIEW_TEXT.conditions
                    }
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
            <Field label={REVIEW_TEXT.otherTerms}>
              <Textarea value={state.otherTerms} onChange={(_, d) => set('otherTerms', d.value)} />
            </Field>
          </fieldset>
          <Field label={REVIEW_TEXT.spocName} required>
            <Input value={state.spocName} onChange={(_, d) => set('spocName', d.value)} />
          </Field>
          <Field label={REVIEW_TEXT.spocEmail} required {...addressProblem(state.spocEmail)}>
            {/* Not type="email": Chromium turns a look-alike domain into punycode in its value,
                which would hide it from the look-alike check. */}
            <Input
              ref={spocEmailRef}
              inputMode="email"
              value={state.spocEmail}
              onChange={(_, d) => set('spocEmail', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.staffGuidance}>
            <Textarea
              value={state.staffGuidance}
              onChange={(_, d) => set('staffGuidance', d.value)}
            />
          </Field>
          <Field label={REVIEW_TEXT.emergencyNote}>
            <Textarea
              value={state.emergencyNote}
              onChange={(_, d) => set('emergencyNote', d.value)}
            />
          </Field>
        </>
      )}

      {parts.duration && (
        <>
          <Field label={REVIEW_TEXT.howLong} required>
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
          <Field label={REVIEW_TEXT.review}>
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
        <Field label={REVIEW_TEXT.withoutWarning} hint={REVIEW_TEXT.withoutWarningHint}>
          <Select
            value={state.withoutWarning}
            onChange={(_, d) => set('withoutWarning', d.value as FormState['withoutWarning'])}
          >
            <option value="">{REVIEW_TEXT.none}</option>
            {WITHOUT_WARNING_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {GROUND_LABELS[g]}
              </option>
            ))}
          </Select>
        </Field>
      )}

      {parts.receivedOn && (
        <Field label={REVIEW_TEXT.receivedOn} required>
          <Input
            type="date"
            value={state.receivedOn}
            max={today}
            onChange={(_, d) => set('receivedOn', d.value)}
          />
        </Field>
      )}

      {parts.letterDate && (
        <Field label={REVIEW_TEXT.parentLetterDate} hint={REVIEW_TEXT.parentLetterDateHint}>
          <Input
            type="date"
            value={state.letterDate}
            max={state.receivedOn || today}
            onChange={(_, d) => set('letterDate', d.value)}
          />
        </Field>
      )}

      {parts.upheld && (
        <Field label={REVIEW_TEXT.appealWas} required>
          <RadioGroup
            value={state.upheld}
            onChange={(_, d) => set('upheld', d.value as FormState['upheld'])}
          >
            <Radio value="yes" label={REVIEW_TEXT.upheld} />
            <Radio value="no" label={REVIEW_TEXT.dismissed} />
          </RadioGroup>
        </Field>
      )}

      <Field label={REVIEW_TEXT.whoDecided} required>
        <Input value={state.deciderName} onChange={(_, d) => set('deciderName', d.value)} />
      </Field>
      <Field label={REVIEW_TEXT.as}>
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
      <Field label={REVIEW_TEXT.reasons} hint={REVIEW_TEXT.reasonsHint} required>
        <Textarea value={state.reasons} onChange={(_, d) => set('reasons', d.value)} />
      </Field>

      <PreviewBox outcome={outcome} />

      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? REVIEW_TEXT.saving : REVIEW_TEXT.saveDecision}
        </Button>
        <Button type="button" onClick={onCancel} disabled={saving}>
          {REVIEW_TEXT.cancel}
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
        {REVIEW_TEXT.workingOutDates}
      </Text>
    );
  if ('error' in outcome)
    return (
      <Text size={200} className={styles.muted}>
        {previewFailedText(outcome.error)}
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
        {ifYouSaveText(STAGE_LABELS[outcome.stageAfter])}
      </Text>
      <ul className={styles.list}>
        {outcome.endDate && (
          <li>
            <Text size={200}>{endsOnText(outcome.endDate)}</Text>
          </li>
        )}
        {outcome.reviewDate && (
          <li>
            <Text size={200}>{reviewByText(outcome.reviewDate)}</Text>
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

/**
 * The SPOC address's own problem beside its box, as it is typed: look-alike letters, hidden
 * characters, two addresses. A half-typed address is not an error yet: the lifecycle rules name
 * an address that is not one when the decision is saved.
 */
function addressProblem(text: string): { validationMessage?: string; validationState?: 'error' } {
  const entry = readAddressEntry(text);
  return entry.kind === 'refused' && entry.problem !== 'notAnAddress'
    ? { validationMessage: entry.message, validationState: 'error' }
    : {};
}
