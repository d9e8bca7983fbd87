// The org-wide alternative (mail-flow rule PowerShell) and the routing settings.
import {
  londonMidnightUtc,
  literalPattern,
  psQuote,
  readRoutingSettings,
  transportRuleScript,
  TRANSPORT_RULE_MAX_BYTES,
} from '../../../src/policy/routing';
import { TODAY, restriction } from '../policy/fixtures';

const base = {
  acceptedDomains: ['school.example.org'],
  protectedMailboxes: ['reception@school.example.org'],
  today: TODAY,
  generatedAt: '2026-05-14T09:00:00Z',
};

describe('transport-rule PowerShell', () => {
  it('writes one rule per restriction with From, redirect, header, dates and comments', () => {
    const { script, rules, problems } = transportRuleScript({
      ...base,
      restrictions: [restriction()],
    });
    expect(rules).toBe(2);
    expect(problems).toEqual([]);
    expect(script).toContain("New-TransportRule -Name 'Contact Guard restriction 1'");
    expect(script).toContain("Set-TransportRule -Identity 'Contact Guard restriction 1'");
    expect(script).toContain("-From @('o''brien@school-parent.org')");
    expect(script).toContain("-RedirectMessageTo 'head@school.example.org'");
    expect(script).toContain("-SetHeaderName 'X-Contact-Guard' -SetHeaderValue 'restriction-1'");
    // StartDate 2026-03-01 (GMT) and the day after EndDate 2026-08-31 (BST).
    expect(script).toContain("'2026-03-01T00:00:00Z'");
    expect(script).toContain("'2026-08-31T23:00:00Z'");
    expect(script).toContain('-Comments');
    expect(script).toContain('Remove-TransportRule');
  });

  it('002 §62: marks possibly urgent mail with a companion rule: the urgent phrases as literal patterns, the Importance header, a subject prefix', () => {
    const { script } = transportRuleScript({ ...base, restrictions: [restriction()] });
    const urgent = script
      .split('\n')
      .find((l) => l.startsWith("  New-TransportRule -Name 'Contact Guard restriction 1 urgent'"));
    expect(urgent).toBeDefined();
    expect(urgent).toContain("-From @('o''brien@school-parent.org')");
    expect(urgent).toContain("-SetHeaderName 'Importance' -SetHeaderValue 'High'");
    expect(urgent).toContain("-PrependSubject '[Possibly urgent] '");
    expect(urgent).toContain("'not come home'");
    expect(urgent).not.toContain('-RedirectMessageTo');
    // Same dates as the redirect rule: it starts and stops with the restriction.
    expect(urgent).toContain("'2026-03-01T00:00:00Z'");
    expect(urgent).toContain("'2026-08-31T23:00:00Z'");
    // A phrase is matched as itself: regular-expression characters are escaped.
    expect(literalPattern('a.b (c)?')).toBe('a\\.b \\(c\\)\\?');
    expect(new RegExp(literalPattern('a&e'), 'i').test('We are in A&E')).toBe(true);
  });

  it('leaves out ended restrictions, refuses external SPOCs and loops', () => {
    const { rules, problems } = transportRuleScript({
      ...base,
      restrictions: [
        restriction({ id: '2', status: 'Ended' }),
        restriction({ id: '3', spocEmail: 'someone@gmail.com' }),
        restriction({ id: '4', emails: ['reception@school.example.org'] }),
      ],
    });
    expect(rules).toBe(0);
    expect(problems).toHaveLength(2);
  });

  it('keeps every rule under 8 KB by splitting its addresses, and warns past 300 rules', () => {
    const emails = Array.from(
      { length: 400 },
      (_, i) => `parent.number.${i}@example-parent-domain.org`,
    );
    const { script, rules } = transportRuleScript({
      ...base,
      restrictions: [restriction({ emails })],
    });
    expect(rules).toBeGreaterThan(1);
    for (const block of script.split(/\n(?=if \()/).slice(1)) {
      expect(new TextEncoder().encode(block.split('\n$keep')[0] ?? '').length).toBeLessThanOrEqual(
        TRANSPORT_RULE_MAX_BYTES,
      );
    }
    const many = Array.from({ length: 301 }, (_, i) =>
      restriction({ id: String(i + 1), emails: [`p${i}@x.org`] }),
    );
    expect(transportRuleScript({ ...base, restrictions: many }).problems.join(' ')).toMatch(/300/);
  });

  it('quotes for PowerShell and converts London midnight to UTC', () => {
    expect(psQuote("o'brien")).toBe("'o''brien'");
    expect(londonMidnightUtc('2026-01-10')).toBe('2026-01-10T00:00:00Z');
    expect(londonMidnightUtc('2026-07-10')).toBe('2026-07-09T23:00:00Z');
  });
});

describe('routing settings', () => {
  const defaults = { folderName: 'Restricted correspondence' };
  const tenantDomains = ['oakfield.sch.uk', 'oakfield.onmicrosoft.com'];

  it('reads the keys, case-insensitively, with defaults', () => {
    const { settings, problems, defaultSpoc } = readRoutingSettings(
      new Map([
        ['protectedmailboxes', 'Reception@oakfield.sch.uk\noffice@oakfield.sch.uk'],
        ['RoutingDelivery', 'forwardasattachment'],
        ['DefaultSpocEmail', 'Office@oakfield.sch.uk'],
      ]),
      defaults,
      tenantDomains,
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      protectedMailboxes: ['reception@oakfield.sch.uk', 'office@oakfield.sch.uk'],
      acceptedDomains: tenantDomains,
      folderName: 'Restricted correspondence',
      delivery: 'forwardAsAttachment',
      addressesPerRule: 50,
    });
    expect(defaultSpoc).toBe('office@oakfield.sch.uk');
  });

  it('reports bad values in plain words and falls back', () => {
    const { settings, problems } = readRoutingSettings(
      new Map([
        ['ProtectedMailboxes', 'not an address\nsomeone@gmail.com\nreception@oakfield.sch.uk'],
        ['RoutingAddressesPerRule', '0'],
        ['RoutingDelivery', 'teleport'],
        ['RoutingFolderName', 'a/b'],
      ]),
      defaults,
      tenantDomains,
    );
    expect(settings.protectedMailboxes).toEqual(['reception@oakfield.sch.uk']);
    expect(settings.addressesPerRule).toBe(50);
    expect(settings.delivery).toBe('redirect');
    expect(settings.folderName).toBe('Restricted correspondence');
    expect(problems).toHaveLength(5);
    expect(problems.join(' ')).not.toContain('gmail');
  });

  it("takes the school's domains from the tenant, never from the list: an AcceptedDomains item is reported, not obeyed", () => {
    const { settings, problems } = readRoutingSettings(
      new Map([
        ['AcceptedDomains', 'gmail.com'],
        ['ProtectedMailboxes', 'someone@gmail.com\nreception@oakfield.sch.uk'],
      ]),
      defaults,
      ['Oakfield.sch.uk'],
    );
    expect(settings.acceptedDomains).toEqual(['oakfield.sch.uk']);
    expect(settings.protectedMailboxes).toEqual(['reception@oakfield.sch.uk']);
    expect(problems.join(' ')).toMatch(/AcceptedDomains is no longer read/);
    // No verified domains known: nothing is inside the school.
    expect(readRoutingSettings(new Map(), defaults, []).settings.acceptedDomains).toEqual([]);
  });
});
