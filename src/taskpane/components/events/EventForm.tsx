import { useCallback, useState } from 'react';
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
import { EVENT_TEXT, atMostText, copyKeptText, recordedByText } from './eventText';
import { useServices } from '../../../ui/services';
import { useAsync } from '../../../ui/useAsync';

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalS },
  group: { display: 'grid', border: 'none', padding: 0, margin: 0 },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

interface Props {
  initial: ContactEventDraft;
  /** True when logging the open email (the sender is taken from it). */
  fromEmail: boolean;
  onSaved: (key: string) => void;
  onCancel?: () => void;
}

/** The contact event form: under a minute to fill in. */
export function EventForm({ initial, fromEmail, onSaved, onCancel }: Props) {
  const styles = useStyles();
  const { events } = useServices();
  const [draft, setDraft] = useState<ContactEventDraft>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  // The restricted people to choose from (not needed when the sender is the email's); none
  // while they load or when they cannot be read: the name is typed instead.
  const loadPeople = useCallback(() => events.people(), [events]);
  const people: PersonChoice[] = useAsync(fromEmail ? null : loadPeople).value ?? [];
  const set = (patch: Partial<ContactEventDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = (field: EventField) => problems.find((p) => p.field === field)?.message;
  const state = (field: EventField) => (problem(field) ? 'error' : 'none');
  const threat = involvesThreat(draft);
  const me = events.recorder();

  const save = async () => {
    setBusy(true);
    try {
      const result = await events.record(draft);
      if (result.ok) onSaved(result.key);
      else setProblems(result.problems);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      data-testid="event-form"
      // The rules are ours (plain words, every problem at once), not the browser's bubbles.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {problems.length > 0 && (
        <MessageBar intent="error" data-testid="event-problems">
          <MessageBarBody>
            {EVENT_TEXT.pleaseCheck} {problems.map((p) => p.message).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={EVENT_TEXT.when}
        required
        validationMessage={problem('occurredAt')}
        validationState={state('occurredAt')}
      >
        <Input
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
        <Text size={200} data-testid="event-person">
          {EVENT_TEXT.from} {draft.person.name ?? ''}{' '}
          {draft.person.email ? `<${draft.person.email}>` : ''}
        </Text>
      ) : (
        <Field
          label={EVENT_TEXT.who}
          required
          validationMessage={problem('person')}
          validationState={state('person')}
        >
          {people.length > 0 && (
            <Select
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
            <Input
              aria-label={EVENT_TEXT.name}
              placeholder={EVENT_TEXT.name}
              data-testid="event-person-name"
              value={draft.person.name ?? ''}
              onChange={(_e, d) => set({ person: { ...draft.person, name: d.value } })}
            />
            <Input
              aria-label={EVENT_TEXT.email}
              placeholder={EVENT_TEXT.email}
              data-testid="event-person-email"
              value={draft.person.email ?? ''}
              onChange={(_e, d) => set({ person: { ...draft.person, email: d.value } })}
            />
          </div>
        </Field>
      )}
      <Field
        label={EVENT_TEXT.summary}
        required
        validationMessage={problem('summary')}
        validationState={state('summary')}
        hint={atMostText(EVENT_LIMITS.summary)}
      >
        <Input
          data-testid="event-summary"
          value={draft.summary}
          onChange={(_e, d) => set({ summary: d.value })}
        />
      </Field>
      <fieldset className={styles.group} data-testid="event-behaviours">
        <legend>
          <Text weight="semibold">{EVENT_TEXT.behaviours}</Text> {EVENT_TEXT.tickAll}
        </legend>
        {BEHAVIOURS.map((b) => (
          <Checkbox
            key={b}
            label={BEHAVIOUR_LABELS[b]}
            checked={draft.behaviours.includes(b)}
            onChange={(_e, d) =>
              set({ behaviours: toggle(draft.behaviours, b, d.checked === true) })
            }
          />
        ))}
        {problem('behaviours') && <Text className="problem">{problem('behaviours')}</Text>}
        {draft.behaviours.includes('Other') && (
          <Field
            label={EVENT_TEXT.otherBehaviour}
            validationMessage={problem('behaviourOther')}
            validationState={state('behaviourOther')}
          >
            <Input
              value={draft.behaviourOther}
              onChange={(_e, d) => set({ behaviourOther: d.value })}
            />
          </Field>
        )}
      </fieldset>
      {threat && (
        <MessageBar intent="warning" data-testid="threat-notice">
          <MessageBarBody>
            {THREAT_NOTICE}
            <YesNoField
              label={EVENT_TEXT.headTold}
              testId="head-told"
              value={draft.headTeacherTold}
              problem={problem('headTeacherTold')}
              state={state('headTeacherTold')}
              onChange={(v) => set({ headTeacherTold: v })}
            />
            <YesNoField
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
      <fieldset className={styles.group}>
        <legend>
          <Text weight="semibold">{EVENT_TEXT.feelings}</Text> {EVENT_TEXT.feelingsOptional}
        </legend>
        <Text size={200} data-testid="feelings-note">
          {FEELINGS_NOTE}
        </Text>
        {FEELINGS.map((f) => (
          <Checkbox
            key={f}
            label={FEELING_LABELS[f]}
            checked={draft.feelings.includes(f)}
            onChange={(_e, d) => set({ feelings: toggle(draft.feelings, f, d.checked === true) })}
          />
        ))}
        {draft.feelings.includes('Other') && (
          <Field
            label={EVENT_TEXT.otherFeeling}
            validationMessage={problem('feelingOther')}
            validationState={state('feelingOther')}
          >
            <Input
              value={draft.feelingOther}
              onChange={(_e, d) => set({ feelingOther: d.value })}
            />
          </Field>
        )}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>
          <Text weight="semibold">{EVENT_TEXT.policyAspects}</Text> {EVENT_TEXT.optional}
        </legend>
        {POLICY_ASPECTS.map((a) => (
          <Checkbox
            key={a}
            label={POLICY_ASPECT_LABELS[a]}
            checked={draft.policyAspects.includes(a)}
            onChange={(_e, d) =>
              set({ policyAspects: toggle(draft.policyAspects, a, d.checked === true) })
            }
          />
        ))}
      </fieldset>
      <Field
        label={EVENT_TEXT.staffInvolved}
        validationMessage={problem('staffInvolved')}
        validationState={state('staffInvolved')}
      >
        <Input
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
            {draft.evidence.attachCopy ? copyKeptText(EVIDENCE_COPY_LIMIT) : EVENT_TEXT.linkOnly}
          </Text>
        </>
      )}
      <Text size={200} data-testid="event-recorder">
        {recordedByText(me.name || me.email)}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="event-save">
          {EVENT_TEXT.save}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            {EVENT_TEXT.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** A required yes / not-yet question (what the policies ask after a threat). */
function YesNoField(props: {
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
