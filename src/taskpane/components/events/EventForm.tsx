import { useEffect, useState } from 'react';
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
import type { ContactEvents, PersonChoice } from '../../../app/events/contactEvents';
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
import { formatCount } from '../../../policy/dates/format';

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalS },
  group: { display: 'grid', border: 'none', padding: 0, margin: 0 },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

interface Props {
  events: ContactEvents;
  initial: ContactEventDraft;
  /** True when logging the open email (the sender is taken from it). */
  fromEmail: boolean;
  onSaved: (key: string) => void;
  onCancel?: () => void;
}

/** The contact event form: under a minute to fill in. */
export function EventForm({ events, initial, fromEmail, onSaved, onCancel }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ContactEventDraft>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<PersonChoice[]>([]);
  useEffect(() => {
    if (fromEmail) return;
    let live = true;
    void events.people().then((p) => live && setPeople(p));
    return () => {
      live = false;
    };
  }, [events, fromEmail]);
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
          <MessageBarBody>Please check: {problems.map((p) => p.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="When it happened"
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
        label="How the contact came"
        required
        validationMessage={problem('channel')}
        validationState={state('channel')}
      >
        <Select
          data-testid="event-channel"
          value={draft.channel}
          onChange={(_e, d) => set({ channel: d.value as ContactEventDraft['channel'] })}
        >
          <option value="">Choose…</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      {fromEmail ? (
        <Text size={200} data-testid="event-person">
          From: {draft.person.name ?? ''} {draft.person.email ? `<${draft.person.email}>` : ''}
        </Text>
      ) : (
        <Field
          label="Who made the contact"
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
              <option value="">Pick a person with a restriction…</option>
              {people.map((p) => (
                <option key={`${p.name}|${p.email ?? ''}`} value={`${p.name}|${p.email ?? ''}`}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
          <div className={styles.row}>
            <Input
              aria-label="Name"
              placeholder="Name"
              data-testid="event-person-name"
              value={draft.person.name ?? ''}
              onChange={(_e, d) => set({ person: { ...draft.person, name: d.value } })}
            />
            <Input
              aria-label="Email address (if known)"
              placeholder="Email address (if known)"
              data-testid="event-person-email"
              value={draft.person.email ?? ''}
              onChange={(_e, d) => set({ person: { ...draft.person, email: d.value } })}
            />
          </div>
        </Field>
      )}
      <Field
        label="Summary"
        required
        validationMessage={problem('summary')}
        validationState={state('summary')}
        hint={`At most ${EVENT_LIMITS.summary} characters.`}
      >
        <Input
          data-testid="event-summary"
          value={draft.summary}
          onChange={(_e, d) => set({ summary: d.value })}
        />
      </Field>
      <fieldset className={styles.group} data-testid="event-behaviours">
        <legend>
          <Text weight="semibold">Kind of behaviour</Text> (tick all that apply)
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
            label="Other behaviour"
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
              label="Has the head teacher been told?"
              testId="head-told"
              value={draft.headTeacherTold}
              problem={problem('headTeacherTold')}
              state={state('headTeacherTold')}
              onChange={(v) => set({ headTeacherTold: v })}
            />
            <YesNoField
              label="Have the police been informed?"
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
          <Text weight="semibold">How it made you feel</Text> (optional: leave blank if you prefer)
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
            label="Other feeling"
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
          <Text weight="semibold">Which part of the policy it triggers</Text> (optional)
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
        label="Staff involved"
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
        label="Details (optional)"
        validationMessage={problem('details')}
        validationState={state('details')}
        hint={`At most ${EVENT_LIMITS.details} characters.`}
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
            label="Attach a copy of the email (.eml)"
            checked={draft.evidence.attachCopy}
            onChange={(_e, d) =>
              draft.evidence &&
              set({ evidence: { ...draft.evidence, attachCopy: d.checked === true } })
            }
          />
          <Text size={200} data-testid="event-evidence-note">
            {draft.evidence.attachCopy
              ? `A copy of the email is kept with the record, with its link and message id. An email over ${formatCount(EVIDENCE_COPY_LIMIT)} characters (with its attachments) is too large: then only the link and message id are kept, and you are told.`
              : 'The record keeps a link to this email and its message id, not a copy of what it says.'}
          </Text>
        </>
      )}
      <Text size={200} data-testid="event-recorder">
        Recorded by {me.name || me.email} (you).
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="event-save">
          Save
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            Cancel
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
        <Radio value="Yes" label="Yes" />
        <Radio value="No" label="Not yet" />
      </RadioGroup>
    </Field>
  );
}
