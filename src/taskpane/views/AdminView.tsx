// The admin view (admins only, by Entra group), written for the school's IT technician (issue 13
// item 9): first how mail routing is doing and what needs action, in sentences; then the protected
// mailboxes and routing defaults (the Settings list); then a check and an update of the admin's own
// mailbox. The job's report, rule names and the commands that schedule the job are behind
// "Technical details" (a native <details>: keyboard and screen readers know it, no script).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
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
import { needsAction, routingHealth, type RoutingHealth } from '../../app/admin/routingHealth';
import { ROUTING_SETTING_KEYS } from '../../policy/routing';
import {
  ADMIN_TEXT,
  appliedText,
  changeText,
  driftText,
  failedMailboxText,
  lastRunText,
  mailboxWarningText,
  planSummaryText,
  putRightText,
  routingSummaryText,
  whenText,
} from './adminText';
import { useServices } from '../../ui/services';
import { useAsync } from '../../ui/useAsync';
import { AsyncView } from '../../ui/AsyncView';
import { UI_TEXT } from '../../ui/uiText';

// Every grid column may shrink below its content (minmax(0, 1fr)) and long words break, so the
// pane never scrolls sideways at Outlook's 320 px (issue 13 item 4).
const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXL,
    overflowWrap: 'anywhere',
  },
  section: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  select: { minWidth: 0, maxWidth: '100%' },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  details: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    '& > summary': {
      cursor: 'pointer',
      fontWeight: tokens.fontWeightSemibold,
      width: 'fit-content',
    },
  },
  pre: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
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

  const health = report ? routingHealth(report, new Date()) : null;

  return (
    <section className={styles.root} aria-label={ADMIN_TEXT.page}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.section} data-testid="routing-summary">
        <Text as="h2" weight="semibold" className={styles.heading}>
          {ADMIN_TEXT.routingHeading}
        </Text>
        <Text>{ADMIN_TEXT.routingPurpose}</Text>
        {!report || !health ? (
          <Spinner size="tiny" label={ADMIN_TEXT.readingStatus} />
        ) : (
          <RoutingSummary
            health={health}
            report={report}
            settingsProblems={settings?.problems ?? []}
          />
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold" className={styles.heading}>
          {ADMIN_TEXT.settingsHeading}
        </Text>
        {!settings ? (
          <Spinner size="tiny" label={ADMIN_TEXT.readingSettings} />
        ) : (
          <>
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
            <Field label={ADMIN_TEXT.delivery} hint={ADMIN_TEXT.deliveryHint}>
              <Select
                className={styles.select}
                value={value(ROUTING_SETTING_KEYS.delivery) || 'redirect'}
                onChange={(_e, d) => setValue(ROUTING_SETTING_KEYS.delivery, d.value)}
              >
                <option value="redirect">{ADMIN_TEXT.redirect}</option>
                <option value="forwardAsAttachment">{ADMIN_TEXT.forwardAsAttachment}</option>
              </Select>
            </Field>
            <div className={styles.buttons}>
              <Button appearance="primary" onClick={() => void save()} disabled={busy !== null}>
                {ADMIN_TEXT.saveSettings}
              </Button>
              {saved && <Text role="status">{ADMIN_TEXT.saved}</Text>}
            </div>
          </>
        )}
      </div>

      <div className={styles.section}>
        <Text as="h2" weight="semibold" className={styles.heading}>
          {ADMIN_TEXT.myMailboxHeading}
        </Text>
        <Text>{ADMIN_TEXT.ownRulesOnly}</Text>
        <div className={styles.buttons}>
          <Button
            onClick={() => void run('plan', async () => setPlan(await admin.planMine()))}
            disabled={busy !== null}
          >
            {ADMIN_TEXT.planMine}
          </Button>
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
          {busy && <Spinner size="tiny" aria-label={UI_TEXT.loading} />}
        </div>
        {applied && <Text role="status">{appliedText(applied)}</Text>}
        {plan && <PlanView plan={plan} />}
      </div>
    </section>
  );
}

/** The summary of the last run, what needs action, what was put right, and the details behind. */
function RoutingSummary({
  health,
  report,
  settingsProblems,
}: {
  health: RoutingHealth;
  report: { run?: RunStatus; mailboxes: StoredMailboxStatus[] };
  settingsProblems: readonly string[];
}) {
  const styles = useStyles();
  const actions: ReactNode[] = [];
  if (health.state === 'notRun') actions.push(ADMIN_TEXT.notRunAction);
  if (health.stale) actions.push(ADMIN_TEXT.staleAction);
  for (const f of health.failed) actions.push(failedMailboxText(f.mailbox, f.reasons));
  for (const w of health.warnings) actions.push(mailboxWarningText(w.mailbox, w.reasons));
  for (const p of settingsProblems) actions.push(`${ADMIN_TEXT.settingsProblem} ${p}`);
  const reports = report.mailboxes.filter((m) => m.details !== '');
  return (
    <>
      <Text data-testid="last-run">{routingSummaryText(health)}</Text>
      {needsAction(health, settingsProblems) ? (
        <MessageBar intent="warning" layout="multiline" data-testid="needs-action">
          <MessageBarBody>
            <Text as="h3" weight="semibold" block className={styles.heading}>
              {ADMIN_TEXT.needsActionHeading}
            </Text>
            <ul className={styles.list}>
              {actions.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text data-testid="nothing-to-do">{ADMIN_TEXT.nothingToDo}</Text>
      )}
      {health.putRight.length > 0 && (
        <div className={styles.section} data-testid="put-right">
          <Text as="h3" weight="semibold" className={styles.heading}>
            {ADMIN_TEXT.putRightHeading}
          </Text>
          <ul className={styles.list}>
            {health.putRight.map((m) => (
              <li key={m.mailbox}>{putRightText(m)}</li>
            ))}
          </ul>
        </div>
      )}
      <details className={styles.details} data-testid="technical-details">
        <summary>{ADMIN_TEXT.technicalDetails}</summary>
        {report.run && (
          <>
            <Text block weight="semibold">
              {ADMIN_TEXT.runReport}
            </Text>
            <Text block>{lastRunText(report.run)}</Text>
            <pre className={styles.pre}>{report.run.details}</pre>
          </>
        )}
        {reports.length > 0 && (
          <>
            <Text block weight="semibold">
              {ADMIN_TEXT.mailboxReports}
            </Text>
            {reports.map((m) => (
              <div key={m.mailbox}>
                <Text block>
                  {m.mailbox}: {m.outcome} ({whenText(m.runAt)})
                </Text>
                <pre className={styles.pre}>{m.details}</pre>
              </div>
            ))}
          </>
        )}
        <Text block weight="semibold">
          {ADMIN_TEXT.scheduleHeading}
        </Text>
        <Text block>
          {ADMIN_TEXT.scheduleRun} <code>{ADMIN_TEXT.scheduleApply}</code> {ADMIN_TEXT.scheduleHow}{' '}
          <code>{ADMIN_TEXT.schedulePlan}</code> {ADMIN_TEXT.scheduleSee}
        </Text>
      </details>
    </>
  );
}

/** What checking the admin's own mailbox found: a sentence, and the rules by name behind it. */
function PlanView({ plan }: { plan: MyPlan }) {
  const styles = useStyles();
  const { changes, drift, warnings } = plan.plan;
  return (
    <div className={styles.section} data-testid="my-plan">
      {!plan.isProtected && <Text>{ADMIN_TEXT.notProtected}</Text>}
      <Text>{planSummaryText(plan)}</Text>
      {warnings.map((w) => (
        <Text key={w}>{w}</Text>
      ))}
      {changes.length + drift.length > 0 && (
        <details className={styles.details}>
          <summary>{ADMIN_TEXT.planDetails}</summary>
          <ul className={`${styles.list} ${styles.pre}`}>
            {changes.map((c) => (
              <li key={c.kind === 'delete' ? c.ruleId : c.rule.key}>
                {changeText(
                  c.kind,
                  c.kind === 'delete' ? c.ruleName : c.rule.body.displayName,
                  c.reason,
                )}
              </li>
            ))}
            {drift.map((d) => (
              <li key={`${d.kind}${d.ruleName}`}>{driftText(d.kind, d.ruleName)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
