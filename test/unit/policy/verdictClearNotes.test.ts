// "Clear, with a note" (issue 13, item 3): a sender with a written warning on file, or whose
// restriction has not started, is clear today, and the verdict carries the record's guidance and
// its date so that staff see it. Policy 002 §48 (First Stage – Warning): the written warning
// advises the parent "that, if they do this again, restrictions will be put in place", so a
// warning restricts nothing (DOMAIN.md: "`Warning` is recorded but restricts nothing") but staff
// should know of it; §50: only if the behaviour continues does the head teacher decide to restrict.
// A restriction applies "between StartDate and EndDate" (DOMAIN.md), so one that starts tomorrow
// does not apply today.
import { addDays } from '../../../src/policy/londonDate';
import type { MessageParticipants, Restriction } from '../../../src/policy/types';
import { decideVerdict } from '../../../src/policy/verdict';
import { restrictionsInForceFor, buildRestrictionIndex } from '../../../src/policy/verdict';
import { TODAY, restriction } from './fixtures';

const ADDRESS = "o'brien@school-parent.org";
const from = (address: string): MessageParticipants => ({ from: { address } });
const verdictFor = (message: MessageParticipants, restrictions: Restriction[]) =>
  decideVerdict({ message, restrictions, malformed: [], today: TODAY });

const warning = (overrides: Partial<Restriction> = {}) =>
  restriction({
    status: 'Warning',
    startDate: addDays(TODAY, -14),
    endDate: addDays(TODAY, 76),
    staffGuidance: 'Reply as normal, keep replies factual.',
    ...overrides,
  });

describe('decideVerdict: clear, with a note (issue 13, item 3)', () => {
  it('002 §48: a written warning on file is clear, with its guidance and when it was given', () => {
    expect(verdictFor(from(ADDRESS), [warning()])).toEqual({
      kind: 'clear',
      notes: [
        {
          kind: 'warning',
          personName: "Mary O'Brien",
          date: addDays(TODAY, -14),
          guidance: 'Reply as normal, keep replies factual.',
        },
      ],
    });
  });

  it('a warning without an end date is still on file; one past its end date is not', () => {
    expect(verdictFor(from(ADDRESS), [warning({ endDate: '' })])).toMatchObject({
      kind: 'clear',
      notes: [{ kind: 'warning' }],
    });
    expect(verdictFor(from(ADDRESS), [warning({ endDate: TODAY })])).toMatchObject({
      notes: [{ kind: 'warning' }],
    });
    expect(verdictFor(from(ADDRESS), [warning({ endDate: addDays(TODAY, -1) })])).toEqual({
      kind: 'clear',
    });
  });

  it('a restriction that starts after today is clear, with the day it starts and its guidance', () => {
    const later = restriction({ startDate: addDays(TODAY, 7), endDate: addDays(TODAY, 97) });
    expect(verdictFor(from(ADDRESS), [later])).toEqual({
      kind: 'clear',
      notes: [
        {
          kind: 'startsLater',
          personName: "Mary O'Brien",
          date: addDays(TODAY, 7),
          guidance: later.staffGuidance,
        },
      ],
    });
    // From its first day it restricts: the note was never a restriction.
    expect(
      decideVerdict({
        message: from(ADDRESS),
        restrictions: [later],
        malformed: [],
        today: addDays(TODAY, 7),
      }).kind,
    ).toBe('restricted');
  });

  it('expired, overturned and ended records give no note', () => {
    for (const r of [
      restriction({ endDate: addDays(TODAY, -1) }),
      restriction({ status: 'Overturned' }),
      restriction({ status: 'Ended' }),
    ]) {
      expect(verdictFor(from(ADDRESS), [r])).toEqual({ kind: 'clear' });
    }
  });

  it('a restriction in force wins over a warning for the same address', () => {
    expect(verdictFor(from(ADDRESS), [warning({ id: '2' }), restriction()]).kind).toBe(
      'restricted',
    );
  });

  it('notes come from the Sender and Reply-To addresses too, once per record', () => {
    const w = warning();
    const message: MessageParticipants = {
      from: { address: 'someone@example.org' },
      sender: { address: ADDRESS },
      replyTo: [{ address: ADDRESS }],
    };
    expect(verdictFor(message, [w])).toMatchObject({ kind: 'clear', notes: [{ kind: 'warning' }] });
    expect((verdictFor(message, [w]) as { notes: unknown[] }).notes).toHaveLength(1);
  });

  it('the send-time lookup is unchanged: neither a warning nor a later start is in force', () => {
    const index = buildRestrictionIndex(
      [warning(), restriction({ id: '3', startDate: addDays(TODAY, 1) })],
      [],
    );
    expect(restrictionsInForceFor(index, ADDRESS, TODAY)).toEqual([]);
  });
});
