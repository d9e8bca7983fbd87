// Authorship from SharePoint's own record (issue 10, item 3): the author shown is createdBy, a
// client-written name that is someone else's is flagged, a change by another account is shown.
import {
  authorNames,
  authorshipWarning,
  claimMatches,
  entryAuthor,
  mergeChronology,
  chronologyCsv,
  sameIdentity,
  UNKNOWN_ACCOUNT,
} from '../../../src/policy/chronology';

const SARAH = {
  id: '4a1b2c3d-0001',
  displayName: 'Sarah Whitfield',
  email: 'reception@oakfield.sch.uk',
};
const HELEN = { id: '4a1b2c3d-0003', displayName: 'Helen Marsh', email: 'head@oakfield.sch.uk' };

describe('claimMatches', () => {
  it('agrees when the address or the name agrees (any case, titles and order aside)', () => {
    expect(claimMatches({ email: 'RECEPTION@oakfield.sch.uk' }, SARAH)).toBe(true);
    expect(claimMatches({ name: 'sarah  whitfield' }, SARAH)).toBe(true);
    expect(claimMatches({ name: 'Whitfield, Sarah' }, SARAH)).toBe(true);
    // The sign-in address differs from the mail address: the same person, not flagged.
    expect(
      claimMatches({ name: 'Sarah Whitfield', email: 's.whitfield@oakfield.sch.uk' }, SARAH),
    ).toBe(true);
  });

  it('disagrees when the claim names another person', () => {
    expect(claimMatches({ name: 'Helen Marsh', email: 'head@oakfield.sch.uk' }, SARAH)).toBe(false);
    expect(claimMatches({ name: 'Helen Marsh' }, SARAH)).toBe(false);
    expect(claimMatches({ email: 'head@oakfield.sch.uk' }, SARAH)).toBe(false);
    // Only an address on one side and only a name on the other: nothing to compare.
    expect(claimMatches({ email: 'head@oakfield.sch.uk' }, { displayName: 'Sarah W' })).toBe(
      undefined,
    );
    expect(claimMatches({}, SARAH)).toBeUndefined();
    expect(claimMatches({ name: 'Helen Marsh' }, undefined)).toBeUndefined();
  });
});

describe('sameIdentity', () => {
  it('compares ids first, then addresses, then names', () => {
    expect(sameIdentity(SARAH, { ...SARAH, displayName: 'S. Whitfield' })).toBe(true);
    expect(sameIdentity(SARAH, { ...HELEN, displayName: 'Sarah Whitfield' })).toBe(false);
    expect(sameIdentity({ email: 'a@x.org' }, { email: 'A@X.org' })).toBe(true);
    expect(sameIdentity({ displayName: 'Helen Marsh' }, { displayName: 'Sarah Whitfield' })).toBe(
      false,
    );
  });
});

describe('entryAuthor', () => {
  it("shows SharePoint's creator, never the client's claim, and flags a claim naming someone else", () => {
    const author = entryAuthor(
      { createdBy: SARAH, createdAt: '2026-03-02T09:00:00.000Z' },
      { name: 'Helen Marsh', email: 'head@oakfield.sch.uk' },
    );
    expect(author).toEqual({
      createdBy: 'Sarah Whitfield',
      createdAt: '2026-03-02T09:00:00.000Z',
      recordedAs: 'Helen Marsh',
    });
    expect(authorshipWarning(author)).toBe(
      "Recorded by Helen Marsh but created by Sarah Whitfield's account",
    );
    expect(authorNames(author)).toEqual(['Sarah Whitfield', 'Helen Marsh']);
  });

  it('does not flag a claim that is the creator', () => {
    const author = entryAuthor({ createdBy: SARAH }, { name: 'Sarah Whitfield' });
    expect(author.recordedAs).toBeUndefined();
    expect(authorshipWarning(author)).toBeUndefined();
  });

  it('shows a change by another account, and not a change by the creator', () => {
    const changed = entryAuthor({
      createdBy: SARAH,
      createdAt: '2026-03-02T09:00:00.000Z',
      modifiedBy: HELEN,
      modifiedAt: '2026-03-03T10:00:00.000Z',
    });
    expect(changed).toMatchObject({
      changedBy: 'Helen Marsh',
      changedAt: '2026-03-03T10:00:00.000Z',
    });
    const own = entryAuthor({ createdBy: SARAH, modifiedBy: SARAH, modifiedAt: '2026-03-03' });
    expect(own.changedBy).toBeUndefined();
  });

  it('says the account is unknown when SharePoint gave none, and never falls back to the claim', () => {
    const author = entryAuthor({}, { name: 'Helen Marsh' });
    expect(author).toEqual({ createdBy: UNKNOWN_ACCOUNT });
    expect(authorNames(author)).toEqual([]);
  });
});

describe('the chronology', () => {
  const lines = mergeChronology({
    events: [
      {
        occurredAt: '2026-03-02T08:55:00Z',
        summary: 'Phone call',
        channel: 'Phone',
        behaviours: [],
        threat: false,
        recordedByName: 'Helen Marsh',
        recordedByEmail: 'head@oakfield.sch.uk',
        authorship: { createdBy: SARAH, createdAt: '2026-03-02T09:00:00Z' },
      },
    ],
    audit: [
      {
        at: '2026-03-02T10:00:00Z',
        action: 'Filed',
        what: 'Filed an email',
        actorName: 'Sarah Whitfield',
        actorEmail: 'reception@oakfield.sch.uk',
        authorship: { createdBy: SARAH, createdAt: '2026-03-02T10:00:00Z' },
      },
    ],
  });

  it('carries the author of events and audit entries, and no "Recorded by" from the column', () => {
    expect(lines.map((l) => l.author?.createdBy)).toEqual(['Sarah Whitfield', 'Sarah Whitfield']);
    expect(lines[0]!.author?.recordedAs).toBe('Helen Marsh');
    expect(lines[1]!.author?.recordedAs).toBeUndefined();
    expect(lines.flatMap((l) => l.details).join('\n')).not.toMatch(/Recorded by|By Sarah/);
    expect(lines[0]!.staffNames).toEqual(
      expect.arrayContaining(['Sarah Whitfield', 'Helen Marsh']),
    );
  });

  it('writes the author, when, and the check into the CSV', () => {
    const rows = chronologyCsv(lines, { redact: false }).split('\r\n');
    expect(rows[1]).toContain(
      "Sarah Whitfield,2026-03-02 09:00,,,Recorded by Helen Marsh but created by Sarah Whitfield's account",
    );
    expect(rows[2]).toMatch(/Sarah Whitfield,2026-03-02 10:00,,,$/);
  });
});

describe('decisions', () => {
  const decision = {
    transition: 'impose' as const,
    fromStage: 'warning' as const,
    toStage: 'provisional' as const,
    decidedOn: '2026-03-02',
    recordedAt: '2026-03-02T10:00:00.909Z',
    decidedBy: { name: 'Helen Marsh', role: 'headTeacher' as const },
    recordedBy: { name: 'Helen Marsh', email: 'head@oakfield.sch.uk' },
    reasons: 'It continued.',
    details: [],
    deadlines: [],
  };

  it("take the recorder from the audit entry of the same second, flagged when it is someone else's", () => {
    const [line] = mergeChronology({
      events: [],
      decisions: [decision],
      decisionAuthorship: [
        { at: '2026-03-02T09:59:59Z', authorship: { createdBy: HELEN } },
        { at: '2026-03-02T10:00:00Z', authorship: { createdBy: SARAH } },
      ],
    });
    expect(line!.author).toMatchObject({ createdBy: 'Sarah Whitfield', recordedAs: 'Helen Marsh' });
    expect(line!.details.join('\n')).not.toContain('Recorded by');
  });

  it("say the recorder is only the case's claim when no audit entry matches", () => {
    const [line] = mergeChronology({ events: [], decisions: [decision] });
    expect(line!.author).toBeUndefined();
    expect(line!.details).toContain('Recorded by Helen Marsh (not confirmed by SharePoint)');
  });
});
