import {
  AUDIT_WHAT_LIMIT,
  ComposeGuard,
  sentAnywayWhat,
  spocReplacement,
  type ComposeAuditLog,
} from '../../../src/app/compose/composeGuard';
import type { PreparedIndex } from '../../../src/app/senderCheck';
import type { AuditEntry } from '../../../src/graph/repositories/auditRepository';
import type {
  ComposeAccess,
  ComposeField,
  ComposeRecipient,
  ComposeState,
} from '../../../src/host/mailHost';
import { SEND_ANYWAY_SESSION_KEY } from '../../../src/launchevent/names';
import { parseSendAnywayMarker } from '../../../src/policy/sendTime';
import type { Restriction } from '../../../src/policy/types';
import { buildRestrictionIndex } from '../../../src/policy/verdict';

const TODAY = '2026-03-02';

function restriction(over: Partial<Restriction>): Restriction {
  return {
    id: '1',
    personName: 'Dana Example',
    emails: ['dana@example.org'],
    status: 'Active',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    handling: 'Forward',
    spocName: 'School Office',
    spocEmail: 'office@oakfield.sch.uk',
    allowedContact: '',
    staffGuidance: '',
    emergencyNote: '',
    ...over,
  };
}

const RESTRICTIONS = [
  restriction({}),
  restriction({
    id: '2',
    personName: 'Lee Other',
    emails: ['lee@example.org'],
    spocName: 'Head Teacher',
    spocEmail: 'head@oakfield.sch.uk',
  }),
];

const ready = (restrictions = RESTRICTIONS): PreparedIndex => ({
  kind: 'ready',
  index: buildRestrictionIndex(restrictions, []),
  today: TODAY,
  refreshedAt: '2026-03-02T08:00:00Z',
});

class FakeCompose implements ComposeAccess {
  calls: string[] = [];
  session = new Map<string, string>();
  sets: Array<[ComposeField, ComposeRecipient[]]> = [];
  failSession = false;
  failRead = false;
  constructor(
    public state: ComposeState,
    public canSend = true,
  ) {}
  async read() {
    if (this.failRead) throw new Error('no');
    return structuredClone(this.state);
  }
  onChanged() {
    return () => undefined;
  }
  async setRecipients(field: ComposeField, list: readonly ComposeRecipient[]) {
    this.calls.push(`set:${field}`);
    this.sets.push([field, [...list]]);
    this.state = { ...this.state, [field]: [...list] };
  }
  async setSessionData(key: string, value: string) {
    this.calls.push('session');
    if (this.failSession) throw new Error('no');
    this.session.set(key, value);
  }
  async send() {
    this.calls.push('send');
  }
}

class FakeAudit implements ComposeAuditLog {
  entries: AuditEntry[] = [];
  fail = false;
  constructor(private readonly calls: string[]) {}
  async append(entry: AuditEntry) {
    this.calls.push('audit');
    if (this.fail) throw new Error('503');
    this.entries.push(entry);
  }
}

const to = (...addresses: string[]): ComposeState => ({
  to: addresses.map((address) => ({ address })),
  cc: [],
  bcc: [],
});

function guardFor(compose: FakeCompose, prepared: PreparedIndex = ready()) {
  const audit = new FakeAudit(compose.calls);
  let n = 0;
  const guard = new ComposeGuard({
    compose,
    restrictions: { restrictionIndex: async () => prepared },
    audit: async () => audit,
    user: () => ({ displayName: 'Sam Teacher', emailAddress: 'sam@oakfield.sch.uk' }),
    now: () => new Date('2026-03-02T10:00:00Z'),
    newKey: () => `uuid-${++n}`,
  });
  return { guard, audit };
}

describe('ComposeGuard.check', () => {
  it('stops for a restricted recipient and names the person and the SPOC', async () => {
    const { guard } = guardFor(new FakeCompose(to('parent@example.org', 'Dana@Example.org')));
    const result = await guard.check();
    expect(result).toMatchObject({
      kind: 'stop',
      canSendToSpoc: true,
      restricted: [
        {
          address: 'Dana@Example.org',
          field: 'to',
          personName: 'Dana Example',
          spocName: 'School Office',
          spocEmail: 'office@oakfield.sch.uk',
        },
      ],
    });
  });

  it('is clear when nobody is restricted, and when the sender sends from the SPOC mailbox', async () => {
    expect(await guardFor(new FakeCompose(to('parent@example.org'))).guard.check()).toMatchObject({
      kind: 'clear',
    });
    const fromOffice = new FakeCompose({
      ...to('dana@example.org'),
      from: { address: 'office@oakfield.sch.uk' },
    });
    expect((await guardFor(fromOffice).guard.check()).kind).toBe('clear');
  });

  it('never reads as clear when the check could not be made', async () => {
    const list = guardFor(new FakeCompose(to('dana@example.org')), {
      kind: 'unavailable',
      reason: 'offline',
    });
    expect(await list.guard.check()).toEqual({ kind: 'unchecked', reason: { list: 'offline' } });

    const unreadable = new FakeCompose({ to: [{ address: '' }], cc: [], bcc: [] });
    expect(await guardFor(unreadable).guard.check()).toEqual({
      kind: 'unchecked',
      reason: 'badRecipients',
    });

    const broken = new FakeCompose(to('dana@example.org'));
    broken.failRead = true;
    expect(await guardFor(broken).guard.check()).toEqual({
      kind: 'unchecked',
      reason: 'recipientsUnreadable',
    });

    const noDate = guardFor(new FakeCompose(to('dana@example.org')), {
      ...ready(),
      today: 'not a date',
    } as PreparedIndex);
    expect(await noDate.guard.check()).toEqual({ kind: 'unchecked', reason: 'noDate' });
  });
});

describe('spocReplacement', () => {
  it('replaces each restricted recipient in its line, keeps the others and adds the SPOC once', () => {
    const state: ComposeState = {
      to: [{ address: 'dana@example.org', displayName: 'Dana' }, { address: 'parent@example.org' }],
      cc: [{ address: 'dana2@example.org' }, { address: 'lee@example.org' }],
      bcc: [{ address: 'keep@example.org' }],
    };
    const changed = spocReplacement(state, [
      {
        address: 'dana@example.org',
        field: 'to',
        personName: 'Dana',
        spocName: 'School Office',
        spocEmail: 'office@oakfield.sch.uk',
      },
      {
        address: 'dana2@example.org',
        field: 'cc',
        personName: 'Dana',
        spocName: 'School Office',
        spocEmail: 'office@oakfield.sch.uk',
      },
      {
        address: 'lee@example.org',
        field: 'cc',
        personName: 'Lee',
        spocName: 'Head Teacher',
        spocEmail: 'head@oakfield.sch.uk',
      },
    ]);
    expect(changed).toEqual({
      to: [
        { address: 'office@oakfield.sch.uk', displayName: 'School Office' },
        { address: 'parent@example.org' },
      ],
      cc: [{ address: 'head@oakfield.sch.uk', displayName: 'Head Teacher' }],
    });
  });

  it('does not add a SPOC already on the email', () => {
    const state = to('dana@example.org', 'OFFICE@oakfield.sch.uk');
    const changed = spocReplacement(state, [
      {
        address: 'dana@example.org',
        field: 'to',
        personName: 'Dana',
        spocName: 'Office',
        spocEmail: 'office@oakfield.sch.uk',
      },
    ]);
    expect(changed).toEqual({ to: [{ address: 'OFFICE@oakfield.sch.uk' }] });
  });
});

describe('ComposeGuard.sendToSpoc', () => {
  it('changes the line, then sends (Mailbox 1.15)', async () => {
    const compose = new FakeCompose(to('dana@example.org', 'parent@example.org'));
    const { guard } = guardFor(compose);
    expect(await guard.sendToSpoc()).toEqual({ kind: 'sent' });
    expect(compose.calls).toEqual(['set:to', 'send']);
    expect(compose.state.to.map((r) => r.address)).toEqual([
      'office@oakfield.sch.uk',
      'parent@example.org',
    ]);
  });

  it('asks the user to press Send where the pane cannot send', async () => {
    const compose = new FakeCompose(to('dana@example.org'), false);
    expect(await guardFor(compose).guard.sendToSpoc()).toEqual({ kind: 'pressSend' });
    expect(compose.calls).toEqual(['set:to']);
  });
});

describe('ComposeGuard.sendAnyway', () => {
  it('records the reason without any address, then sets the marker, then sends', async () => {
    const compose = new FakeCompose(to('dana@example.org', 'parent@example.org'));
    const { guard, audit } = guardFor(compose);
    const result = await guard.sendAnyway('  Exam results, see dana@example.org thread  ');
    expect(result).toEqual({ kind: 'sent' });
    expect(compose.calls).toEqual(['audit', 'session', 'send']);
    const [entry] = audit.entries;
    expect(entry).toMatchObject({
      key: 'SentAnyway:uuid-1',
      action: 'SentAnyway',
      actorEmail: 'sam@oakfield.sch.uk',
      what: 'Chose to send anyway to Dana Example (SPOC School Office), against a restriction: Exam results, see [address] thread',
    });
    expect(entry!.what).not.toMatch(/@/);
    const marker = parseSendAnywayMarker(compose.session.get(SEND_ANYWAY_SESSION_KEY));
    expect(marker).toEqual({
      version: 1,
      addresses: ['dana@example.org'],
      auditKey: 'SentAnyway:uuid-1',
      at: '2026-03-02T10:00:00.000Z',
    });
  });

  it('sets no marker and sends nothing when the audit write fails, and reuses the key on retry', async () => {
    const compose = new FakeCompose(to('dana@example.org'));
    const { guard, audit } = guardFor(compose);
    audit.fail = true;
    expect(await guard.sendAnyway('Needed')).toEqual({ kind: 'failed', step: 'audit' });
    expect(compose.calls).toEqual(['audit']);
    expect(compose.session.size).toBe(0);
    audit.fail = false;
    expect(await guard.sendAnyway('Needed')).toEqual({ kind: 'sent' });
    expect(audit.entries.map((e) => e.key)).toEqual(['SentAnyway:uuid-1']);
  });

  it('refuses an empty reason, and says when the marker could not be set', async () => {
    const compose = new FakeCompose(to('dana@example.org'));
    const { guard } = guardFor(compose);
    expect(await guard.sendAnyway('   ')).toEqual({ kind: 'reasonMissing' });
    expect(compose.calls).toEqual([]);
    compose.failSession = true;
    expect(await guard.sendAnyway('Needed')).toEqual({ kind: 'failed', step: 'marker' });
    expect(compose.calls).toEqual(['audit', 'session']);
  });

  it('cuts the description to the column length', () => {
    const what = sentAnywayWhat(
      {
        kind: 'stop',
        restricted: [
          {
            address: 'dana@example.org',
            field: 'to',
            personName: 'Dana',
            spocName: 'Office',
            spocEmail: 'office@oakfield.sch.uk',
          },
        ],
        unchecked: [{ address: 'x@example.org', field: 'cc' }],
        message: '',
      },
      'word '.repeat(200),
    );
    expect(what.length).toBeLessThanOrEqual(AUDIT_WHAT_LIMIT);
    expect(what).toMatch(
      /^Chose to send anyway to Dana \(SPOC Office\), against a restriction and to 1 recipient/,
    );
    expect(what).not.toMatch(/@/);
  });
});

describe('as the manifest has it (ReadWriteItem: the pane never sends itself)', () => {
  it('send anyway records, marks, and asks the user to press Send; nothing is sent', async () => {
    const compose = new FakeCompose(to('dana@example.org'), false);
    const { guard, audit } = guardFor(compose);
    expect(await guard.sendAnyway('Court order requires it')).toEqual({ kind: 'pressSend' });
    expect(compose.calls).toEqual(['audit', 'session']);
    expect(audit.entries).toHaveLength(1);
  });
});

describe('a clear check on a fresh read marks the recipients as checked', () => {
  const fresh = (): PreparedIndex => ({
    kind: 'ready',
    index: buildRestrictionIndex(RESTRICTIONS, []),
    today: TODAY,
    refreshedAt: '2026-03-02T09:58:00Z',
  });

  it('leaves a checked-clear marker naming exactly these recipients', async () => {
    const compose = new FakeCompose({
      to: [{ address: 'Parent@Example.org' }],
      cc: [{ address: 'colleague@oakfield.sch.uk' }],
      bcc: [],
    });
    const { guard } = guardFor(compose, fresh());
    expect(await guard.check()).toMatchObject({ kind: 'clear' });
    expect(parseSendAnywayMarker(compose.session.get(SEND_ANYWAY_SESSION_KEY))).toEqual({
      version: 1,
      addresses: ['colleague@oakfield.sch.uk', 'parent@example.org'],
      auditKey: 'checkedClear',
      at: '2026-03-02T10:00:00.000Z',
    });
  });

  it('not from a copy older than five minutes, and never on a stop', async () => {
    const old = new FakeCompose(to('parent@example.org'));
    await guardFor(old, ready()).guard.check();
    expect(old.session.size).toBe(0);
    const stopped = new FakeCompose(to('dana@example.org'));
    expect(await guardFor(stopped, fresh()).guard.check()).toMatchObject({ kind: 'stop' });
    expect(stopped.session.size).toBe(0);
  });

  it('a marker that cannot be set changes nothing in the verdict', async () => {
    const compose = new FakeCompose(to('parent@example.org'));
    compose.failSession = true;
    expect(await guardFor(compose, fresh()).guard.check()).toMatchObject({ kind: 'clear' });
  });
});
