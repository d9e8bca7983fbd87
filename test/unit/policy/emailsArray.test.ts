// An `Emails` value that arrives as an array (a list whose column was changed to a multi-value one,
// or a flow that writes one) must protect exactly as the one-address-per-line text does (DOMAIN.md,
// "The list schema": every address the person uses). Gluing the entries together would turn a
// restricted sender clear.
import { parseRestrictionItem } from '../../../src/policy/restrictionItem';
import { decideVerdict } from '../../../src/policy/verdict';
import { TODAY, listItem } from './fixtures';

function parsed(emails: unknown): ReturnType<typeof parseRestrictionItem> {
  return parseRestrictionItem(listItem({ Emails: emails }));
}

describe('Emails as an array', () => {
  it('reads every entry as its own address, normalised, in order', () => {
    const result = parsed(['Mary.OBrien@Example.com', "o'brien@school-parent.org"]);
    expect(result).toMatchObject({
      ok: true,
      restriction: { emails: ['mary.obrien@example.com', "o'brien@school-parent.org"] },
    });
    expect(result.ok && result.restriction.warnings).toBeFalsy();
  });

  it('restricts a sender who writes from the second address of the array', () => {
    const result = parsed(['first@home.example', 'second@work.example']);
    if (!result.ok) throw new Error('expected a restriction');
    const verdict = decideVerdict({
      message: { from: { address: 'Second@Work.example' } },
      restrictions: [result.restriction],
      malformed: [],
      today: '2026-05-14',
    });
    expect(verdict).toMatchObject({ kind: 'restricted', matchedAddress: 'second@work.example' });
  });

  it('skips entries that are not text, keeping the addresses that are', () => {
    const result = parsed([42, null, 'a@x.org', { address: 'b@x.org' }]);
    expect(result).toMatchObject({ ok: true, restriction: { emails: ['a@x.org'] } });
  });

  it('an array entry that is not an address is reported as one, like a line of text', () => {
    const result = parsed(['a@x.org', 'mary at home']);
    expect(result).toMatchObject({
      ok: true,
      restriction: { emails: ['a@x.org'], warnings: ['Emails has 1 entry that is not an address'] },
    });
  });

  it('an array with no address at all is malformed, and never clears a sender', () => {
    const result = parsed([7, 'nobody']);
    expect(result).toMatchObject({
      ok: false,
      malformed: { problems: ['Emails has no valid address'] },
    });
  });

  it('a value that is neither text nor an array has no address', () => {
    expect(parsed({ first: 'a@x.org' })).toMatchObject({
      ok: false,
      malformed: { problems: ['Emails has no valid address'] },
    });
    expect(parsed(12)).toMatchObject({
      ok: false,
      malformed: { problems: ['Emails has no valid address'] },
    });
  });
});

describe('the restricted sender found through the array stays restricted today', () => {
  it('checks the date given, not the list order', () => {
    const result = parsed(['b@x.org', 'a@x.org']);
    if (!result.ok) throw new Error('expected a restriction');
    for (const address of ['a@x.org', 'b@x.org']) {
      expect(
        decideVerdict({
          message: { from: { address } },
          restrictions: [result.restriction],
          malformed: [],
          today: TODAY,
        }).kind,
      ).toBe('restricted');
    }
  });
});
