import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  type FieldProps,
} from '@fluentui/react-components';
import type { PersonChoice } from '../../../app/events/contactEvents';
import { EVIDENCE_COPY_LIMIT } from '../../../app/events/evidenceCopy';
import {
  BEHAVIOUR_LABELS,
  BEHAVIOURS,
  CHANNEL_LABELS,
  CHANNELS,
  EVENT_LIMITS,
  FEELING_LABELS,
  FEELINGS,
  POLICY_ASPECT_LABELS,
  POLICY_ASPECTS,
  FEELINGS_NOTE,
  THREAT_NOTICE,
  involvesThreat,
  type ContactEventDraft,
  type EventField,
  type FieldProblem,
} from '../../../policy/events';
import { instantFromLondonInput, londonInputValue } from '../../../policy/dates/londonInput';
import {
  BEHAVIOUR_MEANINGS,
  EVENT_TEXT,
  atMostText,
  behaviourLabel,
  copyKeptText,
  problemCountText,
  recordedByText,
} from './eventText';
import { useServices } from '../../../ui/services';
import { useAsync } from '../../../ui/useAsync';
import { useServiceUnreachable } from '../../hooks/useServiceUnreachable';

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  group: { display: 'grid', border: 'none', padding: 0, margin: 0, minWidth: 0 },
  // The name and address sit side by side when there is room, one above the other at 320 px.
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    '& > *': { flexGrow: 1, flexBasis: '12em', minWidth: 0 },
  },
  // An input's own width (its size of 20 characters) must not hold its Field wider than the
  // pane: the Field's grid column would take it as its minimum.
  fill: { minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  groupError: { color: tokens.colorPaletteRedForeground1 },
  disclosure: { justifySelf: 'start', paddingLeft: 0, textAlign: 'start' },
  // Long words (an address, a pasted link) break rather than push the pane sideways.
  wrap: { overflowWrap: 'anywhere' },
});

// The form's fields in the order they are shown: the first with a problem gets the focus.
const FIELD_ORDER: readonly EventField[] = [
  'occurredAt',
  'channel',
  'person',
  'personEmail',
  'summary',
  'behaviours',
  'behaviourOther',
  'headTeacherTold',
  'policeInformed',
  'feelings',
  'feelingOther',
  'policyAspects',
  'staffInvolved',
  'details',
];

// The optional part, folded away until asked for (or until one of its fields has a problem).
const OPTIONAL_FIELDS: readonly EventField[] = [
  'feelings',
  'feelingOther',
  'policyAspects',
  'staffInvolved',
  'details',
];

/** The first field, in the form's order, that has a problem (undefined: none has a box). */
export function firstProblemField(problems: readonly FieldProblem[]): EventField | undefined {
  return FIELD_ORDER.find((f) => problems.some((p) => p.field === f));
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

interface Props {
  initial: ContactEventDraft;
  /** True when logging the open email (the sender is taken from it). */
  fromEmail: boolean;
  onSaved: (key: string) => void;
  /** Cancel, and Escape: the form closes without saving. */
  onCancel?: () => void;
  /** Move the focus to the form's heading when it opens (it was opened by a button). */
  focusOnOpen?: boolean;
}

/**
 * The contact event form: under a minute to fill in. What is needed comes first; the rest is
 * folded under "More detail". Problems are shown beside their fields, counted beside Save, and
 * the focus goes to the first of them.
 */
export function EventForm({ initial, fromEmail, onSaved, onCancel, focusOnOpen = true }: Props) {
  const styles = useStyles();
  const { events } = useServices();
  const ids = useId();
  const idOf = (field: EventField) => `${ids}-${field}`;
  const headingId = `${ids}-heading`;
  const moreId = `${ids}-more`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<ContactEventDraft>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  // Bumped at each refused save, so the focus moves again even when the problems are the same.
  const [refusals, setRefusals] = useState(0);
  const [busy, setBusy] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const unreachable = useServiceUnreachable(events);
  // The restricted people to choose from (not needed when the sender is the email's); none
  // while they load or when they cannot be read: the name is typed instead.
  const loadPeople = useCallback(() => events.people(), [events]);
  const people: PersonChoice[] = useAsync(fromEmail ? null : loadPeople).value ?? [];
  const set = (patch: Partial<ContactEventDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = (field: EventField) => problems.find((p) => p.field === field)?.message;
  const state = (field: EventField) => (problem(field) ? 'error' : 'none');
  const threat = involvesThreat(draft);
  const me = events.recorder();

  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);

  // After a refused save: the first field with a problem (opening "More detail" if it is there),
  // else the list of problems beside Save.
  useEffect(() => {
    if (refusals === 0) return;
    const first = firstProblemField(problems);
    const target = first
      ? document.getElementById(idOf(first))
      : document.getElementById(`${ids}-problems`);
    const focusable =
      target?.matches('input, select, textarea, [tabindex]') === true
        ? target
        : target?.querySelector<HTMLElement>('input, select, textarea');
    focusable?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per refused save
  }, [refusals]);

  const save = async () => {
    setBusy(true);
    try {
      const result = await events.record(draft);
      if (result.ok) onSaved(result.key);
      else {
        setProblems(result.problems);
        if (result.problems.some((p) => OPTIONAL_FIELDS.includes(p.field))) setMoreOpen(true);
        setRefusals((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const checkboxes = <T extends string>(
    codes: readonly T[],
    label: (code: T) => string,
    chosen: T[],
    onChange: (list: T[]) => void,
  ) =>
    codes.map((code) => (
      <Checkbox
        key={code}
        label={label(code)}
        checked={chosen.includes(code)}
        onChange={(_e, d) => onChange(toggle(chosen, code, d.checked === true))}
      />
    ));

  return (
    <form
      className={styles.form}
      data-testid="event-form"
      aria-labelledby={headingId}
      // The rules are ours (plain words, every problem at once), not the browser's bubbles.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        // Not while saving (the save would land after "Not logged" was said), nor while an
        // input method is composing a character (Escape there cancels the composition).
        if (
          e.key === 'Escape' &&
          onCancel &&
          !e.defaultPrevented &&
          !busy &&
          !e.nativeEvent.isComposing
        ) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <Text
        as="h2"
        size={400}
        weight="semibold"
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className={styles.heading}
        data-testid="event-heading"
      >
        {fromEmail ? EVENT_TEXT.headingEmail : EVENT_TEXT.headingOther}
      </Text>
      <Text size={200}>{EVENT_TEXT.requiredNote}</Text>
      <Field
        label={EVENT_TEXT.when}
        required
        validationMessage={problem('occurredAt')}
        validationState={state('occurredAt')}
      >
        <Input
          id={idOf('occurredAt')}
          type="datetime-local"
          data-testid="event-when"
          value={londonInputValue(draft.occurredAt)}
          onChange={(_e, d) => set({ occurredAt: instantFromLondonInput(d.value) })}
        />
      </Field>
      <Field
        label={EVENT_TEXT.channel}
        required
        validationMessage={problem('channel')}
        validationState={state('channel')}
      >
        <Select
          id={idOf('channel')}
          data-testid="event-channel"
          value={draft.channel}
          onChange={(_e, d) => set({ channel: d.value as ContactEventDraft['channel'] })}
        >
          <option value="">{EVENT_TEXT.choose}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      {fromEmail ? (
        <Text size={200} data-testid="event-person" className={styles.wrap}>
          {EVENT_TEXT.from} {draft.person.name ?? ''}{' '}
          {draft.person.email ? `<${draft.person.email}>` : ''}
        </Text>
      ) : (
        <fieldset className={styles.group} id={idOf('person')} data-testid="event-who">
          <legend>
            <Text weight="semibold">{EVENT_TEXT.who}</Text>
          </legend>
          {people.length > 0 && (
            <Select
              aria-label={EVENT_TEXT.pickPerson}
              data-testid="event-person-pick"
              value=""
              onChange={(_e, d) => {
                const p = people.find((x) => `${x.name}|${x.email ?? ''}` === d.value);
                if (p) set({ person: { name: p.name, email: p.email } });
              }}
            >
              <option value="">{EVENT_TEXT.pickPerson}</option>
              {people.map((p) => (
                <option key={`${p.name}|${p.email ?? ''}`} value={`${p.name}|${p.email ?? ''}`}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
          <div className={styles.row}>
            <Field
              label={EVENT_TEXT.name}
              validationMessage={problem('person')}
              validationState={state('person')}
            >
              <Input
                className={styles.fill}
                data-testid="event-person-name"
                value={draft.person.name ?? ''}
                onChange={(_e, d) => set({ person: { ...draft.person, name: d.value } })}
              />
            </Field>
            <Field
              label={EVENT_TEXT.email}
              validationMessage={problem('personEmail')}
              validationState={state('personEmail')}
            >
              <Input
                className={styles.fill}
                id={idOf('personEmail')}
                // Not type="email": Chromium turns a look-alike domain into punycode in its
                // value, which would hide it from the look-alike check (src/policy/addressEntry).
                inputMode="email"
                autoComplete="off"
                data-testid="event-person-email"
                value={draft.person.email ?? ''}
                onChange={(_e, d) => set({ person: { ...draft.person, email: d.value } })}
              />
            </Field>
          </div>
        </fieldset>
      )}
      <Field
        label={EVENT_TEXT.summary}
        required
        validationMessage={problem('summary')}
        validationState={state('summary')}
        hint={atMostText(EVENT_LIMITS.summary)}
      >
        <Input
          id={idOf('summary')}
          data-testid="event-summary"
          value={draft.summary}
          onChange={(_e, d) => set({ summary: d.value })}
        />
      </Field>
      <CheckGroup
        id={idOf('behaviours')}
        testId="event-behaviours"
        legend={
          <>
            <Text weight="semibold">{EVENT_TEXT.behaviours}</Text> <span aria-hidden="true">*</span>{' '}
            {EVENT_TEXT.tickAll}
          </>
        }
        problem={problem('behaviours')}
        errorClass={styles.groupError}
      >
        {checkboxes(
          BEHAVIOURS,
          (b) => behaviourLabel(BEHAVIOUR_LABELS[b], BEHAVIOUR_MEANINGS[b]),
          draft.behaviours,
          (behaviours) => set({ behaviours }),
        )}
        {draft.behaviours.includes('Other') && (
          <Field
            label={EVENT_TEXT.otherBehaviour}
            required
            validationMessage={problem('behaviourOther')}
            validationState={state('behaviourOther')}
          >
            <Input
              id={idOf('behaviourOther')}
              value={draft.behaviourOther}
              onChange={(_e, d) => set({ behaviourOther: d.value })}
            />
          </Field>
        )}
      </CheckGroup>
      {threat && (
        <MessageBar intent="warning" layout="multiline" data-testid="threat-notice">
          <MessageBarBody>
            {THREAT_NOTICE}
            <YesNoField
              id={idOf('headTeacherTold')}
              label={EVENT_TEXT.headTold}
              testId="head-told"
              value={draft.headTeacherTold}
              problem={problem('headTeacherTold')}
              state={state('headTeacherTold')}
              onChange={(v) => set({ headTeacherTold: v })}
            />
            <YesNoField
              id={idOf('policeInformed')}
              label={EVENT_TEXT.policeInformed}
              testId="police-informed"
              value={draft.policeInformed}
              problem={problem('policeInformed')}
              state={state('policeInformed')}
              onChange={(v) => set({ policeInformed: v })}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        type="button"
        appearance="transparent"
        className={styles.disclosure}
        aria-expanded={moreOpen}
        aria-controls={moreId}
        data-testid="event-more"
        onClick={() => setMoreOpen((o) => !o)}
      >
        <span aria-hidden="true">{moreOpen ? '▾' : '▸'}&nbsp;</span>
        {EVENT_TEXT.moreDetail}
      </Button>
      <div id={moreId} hidden={!moreOpen} className={styles.form} data-testid="event-more-detail">
        {moreOpen && (
          <>
            <Text size={200}>{EVENT_TEXT.moreDetailHint}</Text>
            <CheckGroup
              id={idOf('feelings')}
              legend={
                <>
                  <Text weight="semibold">{EVENT_TEXT.feelings}</Text> {EVENT_TEXT.feelingsOptional}
                </>
              }
              problem={problem('feelings')}
              errorClass={styles.groupError}
            >
              <Text size={200} data-testid="feelings-note">
                {FEELINGS_NOTE}
              </Text>
              {checkboxes(
                FEELINGS,
                (f) => FEELING_LABELS[f],
                draft.feelings,
                (feelings) => set({ feelings }),
              )}
              {draft.feelings.includes('Other') && (
                <Field
                  label={EVENT_TEXT.otherFeeling}
                  validationMessage={problem('feelingOther')}
                  validationState={state('feelingOther')}
                >
                  <Input
                    id={idOf('feelingOther')}
                    value={draft.feelingOther}
                    onChange={(_e, d) => set({ feelingOther: d.value })}
                  />
                </Field>
              )}
            </CheckGroup>
            <CheckGroup
              id={idOf('policyAspects')}
              legend={
                <>
                  <Text weight="semibold">{EVENT_TEXT.policyAspects}</Text> {EVENT_TEXT.optional}
                </>
              }
              problem={problem('policyAspects')}
              errorClass={styles.groupError}
            >
              {checkboxes(
                POLICY_ASPECTS,
                (a) => POLICY_ASPECT_LABELS[a],
                draft.policyAspects,
                (policyAspects) => set({ policyAspects }),
              )}
            </CheckGroup>
            <Field
              label={EVENT_TEXT.staffInvolved}
              validationMessage={problem('staffInvolved')}
              validationState={state('staffInvolved')}
            >
              <Input
                id={idOf('staffInvolved')}
                data-testid="event-staff"
                value={draft.staffInvolved}
                onChange={(_e, d) => set({ staffInvolved: d.value })}
              />
            </Field>
            <Field
              label={EVENT_TEXT.details}
              validationMessage={problem('details')}
              validationState={state('details')}
              hint={atMostText(EVENT_LIMITS.details)}
            >
              <Textarea
                id={idOf('details')}
                data-testid="event-details"
                value={draft.details}
                onChange={(_e, d) => set({ details: d.value })}
              />
            </Field>
            {fromEmail && draft.evidence && (
              <>
                <Checkbox
                  data-testid="event-attach-copy"
                  label={EVENT_TEXT.attachCopy}
                  checked={draft.evidence.attachCopy}
                  onChange={(_e, d) =>
                    draft.evidence &&
                    set({ evidence: { ...draft.evidence, attachCopy: d.checked === true } })
                  }
                />
                <Text size={200} data-testid="event-evidence-note">
                  {draft.evidence.attachCopy
                    ? copyKeptText(EVIDENCE_COPY_LIMIT)
                    : EVENT_TEXT.linkOnly}
                </Text>
              </>
            )}
          </>
        )}
      </div>
      <Text size={200} data-testid="event-recorder" className={styles.wrap}>
        {recordedByText(me.name || me.email)}
      </Text>
      {unreachable && (
        <MessageBar intent="warning" layout="multiline" data-testid="event-offline">
          <MessageBarBody>{EVENT_TEXT.offlineSave}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        // Beside Save, where the user is looking: how many problems, and what they are (each is
        // also shown beside its field).
        <MessageBar
          intent="error"
          layout="multiline"
          data-testid="event-problems"
          id={`${ids}-problems`}
          tabIndex={-1}
        >
          <MessageBarBody className={styles.wrap}>
            {problemCountText(problems.length)}
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="event-save">
          {EVENT_TEXT.save}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel} data-testid="event-cancel">
            {EVENT_TEXT.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** A group of checkboxes under a legend, with its problem beside it (and described by it). */
function CheckGroup(props: {
  id: string;
  testId?: string;
  legend: ReactNode;
  problem: string | undefined;
  errorClass: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const errorId = `${props.id}-error`;
  return (
    <fieldset
      className={styles.group}
      id={props.id}
      data-testid={props.testId}
      aria-describedby={props.problem ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.problem && (
        <Text id={errorId} className={props.errorClass} data-testid={`${props.id}-problem`}>
          {props.problem}
        </Text>
      )}
      {props.children}
    </fieldset>
  );
}

/** A required yes / not-yet question (what the policies ask after a threat). */
function YesNoField(props: {
  id: string;
  label: string;
  testId: string;
  value: string | undefined;
  problem: string | undefined;
  state: FieldProps['validationState'];
  onChange: (value: 'Yes' | 'No') => void;
}) {
  return (
    <Field
      label={props.label}
      required
      validationMessage={props.problem}
      validationState={props.state}
    >
      <RadioGroup
        id={props.id}
        layout="horizontal"
        data-testid={props.testId}
        value={props.value}
        onChange={(_e, d) => props.onChange(d.value as 'Yes' | 'No')}
      >
        <Radio value="Yes" label={EVENT_TEXT.yes} />
        <Radio value="No" label={EVENT_TEXT.notYet} />
      </RadioGroup>
    </Field>
  );
}
