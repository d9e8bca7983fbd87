// Rules of the verdict that mutation testing (docs/mutation.md) showed no test would notice going
// wrong. DOMAIN.md, "Matching a sender to a restriction": a display name that matches a restricted
// person while the address does not is worth a caution, never a match; Sender and Reply-To count.
import type { MessageParticipants } from '../../../src/policy/types';
import { decideVerdict } from '../../../src/policy/verdict';
import { TODAY, restriction } from './fixtures';

describe('display-name cautions name every restricted person (DOMAIN.md, Matching a sender)', () => {
  it('From and Sender naming two different restricted people give a caution for each', () => {
    const mary = restriction({ id: '1' });
    const john = restriction({ id: '2', personName: 'John Doyle', emails: ['doyle@home.example'] });
    const verdict = decideVerdict({
      message: {
        from: { address: 'new1@else.example', displayName: "Mary O'Brien" },
        sender: { address: 'new2@else.example', displayName: 'John Doyle' },
      },
      restrictions: [mary, john],
      malformed: [],
      today: TODAY,
    });
    expect(verdict).toEqual({
      kind: 'caution',
      reasons: [
        {
          kind: 'displayNameMatch',
          restrictedPersonName: "Mary O'Brien",
          displayName: "Mary O'Brien",
        },
        { kind: 'displayNameMatch', restrictedPersonName: 'John Doyle', displayName: 'John Doyle' },
      ],
    });
  });

  it('two unreadable records for different people, named by From and Reply-To, give a caution each', () => {
    const verdict = decideVerdict({
      message: {
        from: { address: 'new1@else.example', displayName: 'Pat Broken' },
        replyTo: [{ address: 'new2@else.example', displayName: 'Chris Damaged' }],
      },
      restrictions: [],
      malformed: [
        { id: '8', problems: ['StartDate is missing'], emails: [], personName: 'Pat Broken' },
        { id: '9', problems: ['EndDate is missing'], emails: [], personName: 'Chris Damaged' },
      ],
      today: TODAY,
    });
    expect(verdict).toEqual({
      kind: 'caution',
      reasons: [
        { kind: 'displayNameMatch', restrictedPersonName: 'Pat Broken', displayName: 'Pat Broken' },
        {
          kind: 'displayNameMatch',
          restrictedPersonName: 'Chris Damaged',
          displayName: 'Chris Damaged',
        },
      ],
    });
  });
});

describe('a From that Outlook reports as null (DOMAIN.md, Matching a sender: Sender is checked too)', () => {
  // Office.js can hand back null rather than leave the field out; the Sender still decides.
  const message = (displayName: string): MessageParticipants =>
    ({
      from: null,
      sender: { address: 'delegate@else.example', displayName },
    }) as unknown as MessageParticipants;

  it('is no reason to fail: an unknown Sender is clear', () => {
    expect(
      decideVerdict({
        message: message('Office Delegate'),
        restrictions: [restriction()],
        malformed: [],
        today: TODAY,
      }),
    ).toEqual({ kind: 'clear' });
  });

  it('still cautions on the Sender’s display name naming a restricted person', () => {
    expect(
      decideVerdict({
        message: message("Mary O'Brien"),
        restrictions: [restriction()],
        malformed: [],
        today: TODAY,
      }),
    ).toMatchObject({ kind: 'caution', reasons: [{ restrictedPersonName: "Mary O'Brien" }] });
  });
});
