// The compose notification bar's text (issue 12): the instruction of 002 §51 (who, and through
// whom contact goes), within Outlook's 150 characters (Office.NotificationMessageDetails.message).
import {
  NOTIFICATION_MESSAGE_LIMIT,
  composeNotificationText,
  type RestrictedRecipient,
} from '../../../src/policy/sendTime';

function restricted(overrides: Partial<RestrictedRecipient> = {}): RestrictedRecipient {
  return {
    address: 'parent@example.org',
    field: 'to',
    personName: 'Mary Jones',
    spocName: 'Helen Marsh',
    spocEmail: 'head@school.example.org',
    ...overrides,
  };
}

describe('composeNotificationText', () => {
  it('names the person and the SPOC, and what to do (002 §51, §55)', () => {
    const text = composeNotificationText([restricted()], []);
    expect(text).toContain('Mary Jones');
    expect(text).toContain('Helen Marsh');
    expect(text).toMatch(/Send it to Helen Marsh instead/);
  });

  it('several recipients: counted, and the pane named for the details', () => {
    const text = composeNotificationText([restricted(), restricted({ personName: 'B' })], []);
    expect(text).toMatch(/^2 recipients are under a contact restriction/);
    expect(text).toContain('Open Contact Guard');
  });

  it('unreadable records: "could not check", never clear', () => {
    const text = composeNotificationText([], [{ address: 'x@example.org', field: 'cc' }]);
    expect(text).toMatch(/could not check x@example\.org/);
    expect(text).not.toMatch(/clear|no restriction/i);
  });

  it('nothing to say: empty (the handler then removes the bar)', () => {
    expect(composeNotificationText([], [])).toBe('');
  });

  it.each([
    ['a long name', restricted({ personName: 'N'.repeat(400) })],
    ['a long SPOC', restricted({ spocName: 'S'.repeat(400) })],
    ['emoji', restricted({ personName: '😀'.repeat(100) })],
  ])('never more than 150 characters (%s), never split mid-character', (_, r) => {
    const text = composeNotificationText([r], [{ address: 'y@example.org', field: 'to' }]);
    expect(text.length).toBeLessThanOrEqual(NOTIFICATION_MESSAGE_LIMIT);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('falls back to the address and to "the named contact" when names are missing', () => {
    const text = composeNotificationText(
      [restricted({ personName: '', spocName: '', spocEmail: '' })],
      [],
    );
    expect(text).toContain('parent@example.org');
    expect(text).toContain('the named contact');
  });
});
