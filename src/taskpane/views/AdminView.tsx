// The admin view (admins only, by Entra group): protected mailboxes and routing defaults (the
// Settings list), the last routing run with each mailbox's drift, a plan and an apply for the
// admin's own mailbox, and how to schedule the job that keeps every other mailbox in step.
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  AdminRouting,
  AdminSettings,
  ApplyResult,
  MyPlan,
  RunStatus,
  StoredMailboxStatus,
} from '../../app/admin/adminRouting';
import { ROUTING_SETTING_KEYS } from '../../policy/routing';
import { formatShortDateTime } from '../../policy/dates/format';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  pre: { whiteSpace: 'pre-wrap', margin: 0, fontFamily: tokens.fontFamilyMonospace },
});

const FIELDS = [
  { key: ROUTING_SETTING_KEYS.protectedMailboxes, label: 'Protected mailboxes (one per line)' },
  {
    key: ROUTING_SETTING_KEYS.folderName,
    label: 'Folder and category for restricted correspondence',
  },
  { key: ROUTING_SETTING_KEYS.addressesPerRule, label: 'Addresses per rule (1–500, default 50)' },
  { key: ROUTING_SETTING_KEYS.defaultSpoc, label: 'Default single point of contact' },
] as const;

function message(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong.';
}

const when = (iso: string) => formatShortDateTime(new Date(iso));

export function AdminView({ admin }: { admin: AdminRouting }) {
  const styles = useStyles();
  const [settings, setSettings] = useState<AdminSettings | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [report, setReport] = useState<{
    run?: RunStatus;
    mailboxes: StoredMailboxStatus[];
  } | null>(null);
  const [plan, setPlan] = useState<MyPlan | null>(null);
  const [applied, setApplied] = useState<ApplyResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(
    () =>
      Promise.all([admin.readSettings(), admin.lastReport()]).then(
        ([s, r]) => {
          setSettings(s);
          setDraft(Object.fromEntries(s.entries.map((e) => [e.key.toLowerCase(), e.value])));
          setReport(r);
        },
        (e: unknown) => setError(message(e)),
      ),
    [admin],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const value = (key: string) => draft[key.toLowerCase()] ?? '';
  const setValue = (key: string, v: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key.toLowerCase()]: v }));
  };

  const save = () =>
    run('save', async () => {
      if (!settings) return;
      const keys = [...FIELDS.map((f) => f.key), ROUTING_SETTING_KEYS.delivery];
      for (const key of keys) {
        const before = settings.entries.find((e) => e.key.toLowerCase() === key.toLowerCase());
        if ((before?.value ?? '') !== value(key))
          await admin.saveSetting(key, value(key), settings.entries);
      }
      await load();
      setSaved(true);
    });

  return (
    <section className={styles.root} aria-label="Administration">
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          Protected mailboxes and defaults
        </Text>
        {!settings ? (
          <Spinner size="tiny" label="Reading the Settings list…" />
        ) : (
          <>
            {settings.problems.map((p) => (
              <MessageBar key={p} intent="warning">
                <MessageBarBody>{p}</MessageBarBody>
              </MessageBar>
            ))}
            {FIELDS.map((f) =>
              f.key === ROUTING_SETTING_KEYS.protectedMailboxes ? (
                <Field key={f.key} label={f.label}>
                  <Textarea
                    resize="vertical"
                    value={value(f.key)}
                    onChange={(_e, d) => setValue(f.key, d.value)}
                  />
                </Field>
              ) : (
                <Field key={f.key} label={f.label}>
                  <Input value={value(f.key)} onChange={(_e, d) => setValue(f.key, d.value)} />
                </Field>
              ),
            )}
            <Field label="How the single point of contact receives the email">
              <Select
                value={value(ROUTING_SETTING_KEYS.delivery) || 'redirect'}
                onChange={(_e, d) => setValue(ROUTING_SETTING_KEYS.delivery, d.value)}
              >
                <option value="redirect">Redirect (they see the parent as the sender)</option>
                <option value="forwardAsAttachment">
                  Forward as an attachment (the original kept intact as evidence)
                </option>
              </Select>
            </Field>
            <div>
              <Button appearance="primary" onClick={() => void save()} disabled={busy !== null}>
                Save settings
              </Button>{' '}
              {saved && <Text role="status">Saved. The next routing run uses them.</Text>}
            </div>
          </>
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          Last routing run
        </Text>
        {!report ? (
          <Spinner size="tiny" label="Reading the Routing Status list…" />
        ) : !report.run ? (
          <Text>The routing job has not run yet.</Text>
        ) : (
          <>
            <Text data-testid="last-run">
              {when(report.run.runAt)} ({report.run.mode}): {report.run.mailboxesInStep} mailboxes
              in step, {report.run.mailboxesChanged} changed, {report.run.mailboxesFailed} failed.
            </Text>
            <ul className={styles.list}>
              {report.mailboxes
                .filter((m) => m.details !== '')
                .map((m) => (
                  <li key={m.mailbox}>
                    <Text weight="semibold">{m.mailbox}</Text>: {m.outcome} ({when(m.runAt)})
                    <pre className={styles.pre}>{m.details}</pre>
                  </li>
                ))}
            </ul>
          </>
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          My mailbox
        </Text>
        <Text>
          Your own sign-in can change only your own inbox rules. Every other mailbox is kept by the
          scheduled job.
        </Text>
        <div>
          <Button
            onClick={() => void run('plan', async () => setPlan(await admin.planMine()))}
            disabled={busy !== null}
          >
            Plan for my mailbox
          </Button>{' '}
          <Button
            onClick={() =>
              void run('apply', async () => {
                setApplied(await admin.applyMine());
                setPlan(await admin.planMine());
              })
            }
            disabled={busy !== null}
          >
            Apply to my mailbox
          </Button>
          {busy && <Spinner size="tiny" />}
        </div>
        {plan && (
          <div data-testid="my-plan">
            {!plan.isProtected && (
              <Text block>
                Your mailbox is not in the protected list: this shows what it would get.
              </Text>
            )}
            <Text block>
              {plan.plan.changes.length === 0 && !plan.plan.folder.create
                ? `In step: ${plan.plan.inStep} rules, nothing to change.`
                : `${plan.plan.folder.create ? 'Create the folder, then ' : ''}${plan.plan.changes.length} change(s):`}
            </Text>
            <ul className={styles.list}>
              {plan.plan.changes.map((c) => (
                <li key={c.kind === 'delete' ? c.ruleId : c.rule.key}>
                  {c.kind} {c.kind === 'delete' ? c.ruleName : c.rule.body.displayName} ({c.reason})
                </li>
              ))}
              {plan.plan.drift.map((d) => (
                <li key={`${d.kind}${d.ruleName}`}>
                  drift: {d.kind} {d.ruleName}
                </li>
              ))}
            </ul>
          </div>
        )}
        {applied && (
          <Text role="status">
            {applied.done} change(s) made
            {applied.failed.length
              ? `; ${applied.failed.length} failed: ${applied.failed.join('; ')}`
              : '.'}
          </Text>
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          Keeping every protected mailbox in step
        </Text>
        <Text>
          Run <code>npm run routing -- apply</code> on a schedule (for example every 15 minutes, as
          an Azure Container Apps job or Azure Automation), signed in as the application with a
          certificate. <code>npm run routing -- plan</code> shows the changes without making them.
          See docs/routing.md.
        </Text>
      </div>
    </section>
  );
}
