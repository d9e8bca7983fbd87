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
import {
  ADMIN_TEXT,
  appliedText,
  driftText,
  lastRunText,
  planSummaryText,
  whenText,
} from './adminText';
import { useServices } from '../../ui/services';
import { useAsync } from '../../ui/useAsync';
import { AsyncView } from '../../ui/AsyncView';
import { UI_TEXT } from '../../ui/uiText';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  pre: { whiteSpace: 'pre-wrap', margin: 0, fontFamily: tokens.fontFamilyMonospace },
});

const FIELDS = [
  { key: ROUTING_SETTING_KEYS.protectedMailboxes, label: ADMIN_TEXT.protectedMailboxes },
  {
    key: ROUTING_SETTING_KEYS.folderName,
    label: ADMIN_TEXT.folderName,
  },
  { key: ROUTING_SETTING_KEYS.addressesPerRule, label: ADMIN_TEXT.addressesPerRule },
  { key: ROUTING_SETTING_KEYS.defaultSpoc, label: ADMIN_TEXT.defaultSpoc },
] as const;

function message(e: unknown): string {
  return e instanceof Error ? e.message : ADMIN_TEXT.somethingWrong;
}

const when = whenText;

/** The admin view once its service has loaded (both come in the "admin" chunk). */
export function AdminView() {
  const admin = useAsync(useServices().admin);
  return (
    <AsyncView async={admin} loading={UI_TEXT.loading} failed={ADMIN_TEXT.unloadable}>
      {(loaded) => <AdminPanel admin={loaded} />}
    </AsyncView>
  );
}

function AdminPanel({ admin }: { admin: AdminRouting }) {
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
    <section className={styles.root} aria-label={ADMIN_TEXT.page}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          {ADMIN_TEXT.settingsHeading}
        </Text>
        {!settings ? (
          <Spinner size="tiny" label={ADMIN_TEXT.readingSettings} />
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
            <Field label={ADMIN_TEXT.delivery}>
              <Select
                value={value(ROUTING_SETTING_KEYS.delivery) || 'redirect'}
                onChange={(_e, d) => setValue(ROUTING_SETTING_KEYS.delivery, d.value)}
              >
                <option value="redirect">{ADMIN_TEXT.redirect}</option>
                <option value="forwardAsAttachment">{ADMIN_TEXT.forwardAsAttachment}</option>
              </Select>
            </Field>
            <div>
              <Button appearance="primary" onClick={() => void save()} disabled={busy !== null}>
                {ADMIN_TEXT.saveSettings}
              </Button>{' '}
              {saved && <Text role="status">{ADMIN_TEXT.saved}</Text>}
            </div>
          </>
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          {ADMIN_TEXT.lastRunHeading}
        </Text>
        {!report ? (
          <Spinner size="tiny" label={ADMIN_TEXT.readingStatus} />
        ) : !report.run ? (
          <Text>{ADMIN_TEXT.notRunYet}</Text>
        ) : (
          <>
            <Text data-testid="last-run">{lastRunText(report.run)}</Text>
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
          {ADMIN_TEXT.myMailboxHeading}
        </Text>
        <Text>{ADMIN_TEXT.ownRulesOnly}</Text>
        <div>
          <Button
            onClick={() => void run('plan', async () => setPlan(await admin.planMine()))}
            disabled={busy !== null}
          >
            {ADMIN_TEXT.planMine}
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
            {ADMIN_TEXT.applyMine}
          </Button>
          {busy && <Spinner size="tiny" />}
        </div>
        {plan && (
          <div data-testid="my-plan">
            {!plan.isProtected && <Text block>{ADMIN_TEXT.notProtected}</Text>}
            <Text block>{planSummaryText(plan)}</Text>
            <ul className={styles.list}>
              {plan.plan.changes.map((c) => (
                <li key={c.kind === 'delete' ? c.ruleId : c.rule.key}>
                  {c.kind} {c.kind === 'delete' ? c.ruleName : c.rule.body.displayName} ({c.reason})
                </li>
              ))}
              {plan.plan.drift.map((d) => (
                <li key={`${d.kind}${d.ruleName}`}>{driftText(d.kind, d.ruleName)}</li>
              ))}
            </ul>
          </div>
        )}
        {applied && <Text role="status">{appliedText(applied)}</Text>}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold">
          {ADMIN_TEXT.scheduleHeading}
        </Text>
        <Text>
          {ADMIN_TEXT.scheduleRun} <code>{ADMIN_TEXT.scheduleApply}</code> {ADMIN_TEXT.scheduleHow}{' '}
          <code>{ADMIN_TEXT.schedulePlan}</code> {ADMIN_TEXT.scheduleSee}
        </Text>
      </div>
    </section>
  );
}
