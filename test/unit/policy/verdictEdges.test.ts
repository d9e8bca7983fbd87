// Edges of the verdict (DOMAIN.md, "Matching a sender"): what is indexed, what a record that
// restricts nothing may still do, and a message that is not a message.
import type { MalformedRestriction } from '../../../src/policy/types';
import { buildRestrictionIndex, decideVerdict } from '../../../src/policy/verdict';
import { TODAY, restriction } from './fixtures';

describe('buildRestrictionIndex: only what can be compared is indexed', () => {
  it('a name too thin to compare and an empty address are not keys', () => {
    const index = buildRestrictionIndex(
      [restriction({ personName: 'Sam', emails: ['', '  ', 'sam@home.example'] })],
      [{ id: 'm', problems: ['EndDate is missing'], emails: [''], personName: 'Jo' }],
    );
    expect([...index.byAddress.keys()]).toEqual(['sam@home.example']);
    expect(index.byName.size).toBe(0);
    expect(index.malformedByAddress.size).toBe(0);
    expect(index.malformedByName.size).toBe(0);
  });

  it('one record listing an address twice (two spellings) is listed once under it', () => {
    const record = restriction({ emails: ['Jo.Li@Home.example', 'jo.li@home.example'] });
    const index = buildRestrictionIndex([record, record], []);
    expect(index.byAddress.get('jo.li@home.example')).toEqual([record]);
  });

  it('two records for one person are both kept under the name', () => {
    const first = restriction({ id: '1' });
    const second = restriction({ id: '2', emails: ['other@x.org'] });
    const index = buildRestrictionIndex([first, second], []);
    expect(index.byName.get('mary obrien')).toEqual([first, second]);
  });
});

describe('unreadable records that restrict nothing', () => {
  const warning: MalformedRestriction = {
    id: '9',
    problems: ['StartDate is missing'],
    emails: ['pat@home.example'],
    personName: 'Pat Broken',
    status: 'Warning',
  };

  it('a Warning that cannot be read raises no caution on its name either', () => {
    expect(
      decideVerdict({
        message: { from: { address: 'new@else.example', displayName: 'Pat Broken' } },
        restrictions: [],
        malformed: [warning],
        today: TODAY,
      }),
    ).toEqual({ kind: 'clear' });
  });

  it('is still counted for the pane’s "records could not be read" notice', () => {
    expect(buildRestrictionIndex([], [warning]).unreadableCount).toBe(1);
  });
});

describe('a message that is not a message', () => {
  it.each(['o’brien@school-parent.org', 42, null])('%p has no sender: never clear', (message) => {
    expect(
      decideVerdict({
        message: message as never,
        restrictions: [restriction()],
        malformed: [],
        today: TODAY,
      }),
    ).toEqual({ kind: 'unavailable', reason: 'noSender' });
  });

  it('a From that is not an address object is no sender, but a Sender still is', () => {
    expect(
      decideVerdict({
        message: {
          from: "o'brien@school-parent.org" as never,
          sender: { address: "O'Brien@school-parent.org" },
        },
        restrictions: [restriction()],
        malformed: [],
        today: TODAY,
      }),
    ).toMatchObject({ kind: 'restricted', matchedOn: 'sender' });
  });

  it('Reply-To entries that are not address objects are skipped, the others checked', () => {
    expect(
      decideVerdict({
        message: {
          from: { address: 'office@else.example' },
          replyTo: [null as never, 'x' as never, { address: "o'brien@school-parent.org" }],
        },
        restrictions: [restriction()],
        malformed: [],
        today: TODAY,
      }),
    ).toMatchObject({ kind: 'restricted', matchedOn: 'replyTo' });
  });
});
