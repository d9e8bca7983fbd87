// What the workbench's Smart Alerts dialog shows for each OnMessageSend outcome (SendMode SoftBlock).
import { smartAlertFor } from '../../../dev/workbench/page/smartAlert';

const stopped = (options: Record<string, unknown>) => {
  const verdict = smartAlertFor({ kind: 'completed', options: { allowEvent: false, ...options } });
  if (verdict.send) throw new Error('expected a stop');
  return verdict.alert;
};

test('allowEvent true, or no options at all, sends', () => {
  expect(smartAlertFor({ kind: 'completed', options: { allowEvent: true } })).toEqual({
    send: true,
  });
  expect(smartAlertFor({ kind: 'completed', options: {} })).toEqual({ send: true });
});

test("a stop shows the add-in's name and message, and Don't Send only", () => {
  const alert = stopped({ errorMessage: 'Mark Denton: contact goes through Priya Shah.' });
  expect(alert.title).toBe('Contact Guard');
  expect(alert.message).toBe('Mark Denton: contact goes through Priya Shah.');
  expect(alert.buttons.map((b) => b.label)).toEqual(["Don't Send"]);
});

test('no message, or one over 500 characters, shows the default message', () => {
  const fallback = 'Contact Guard is preventing this email from being sent.';
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(stopped({}).message).toBe(fallback);
  expect(stopped({ errorMessage: 'x'.repeat(501) }).message).toBe(fallback);
  expect(stopped({ errorMessage: 'x'.repeat(500) }).message).toHaveLength(500);
});

test('commandId adds Take Action (renamed by a cancelLabel of 20 characters or less), with its contextData', () => {
  const alert = stopped({
    commandId: 'cgComposeOpenPaneButton',
    cancelLabel: 'Open Contact Guard',
    contextData: '{"from":"smartAlert"}',
  });
  expect(alert.buttons.map((b) => [b.action, b.label])).toEqual([
    ['takeAction', 'Open Contact Guard'],
    ['dontSend', "Don't Send"],
  ]);
  expect(alert.contextData).toBe('{"from":"smartAlert"}');
  expect(stopped({ commandId: 'x', cancelLabel: 'y'.repeat(21) }).buttons[0]?.label).toBe(
    'Take Action',
  );
});

test('cancelLabel and contextData without commandId are ignored; promptUser adds Send Anyway', () => {
  const alert = stopped({
    cancelLabel: 'Fix it',
    contextData: '{}',
    sendModeOverride: 'promptUser',
  });
  expect(alert.buttons.map((b) => b.label)).toEqual(["Don't Send", 'Send Anyway']);
  expect(alert.contextData).toBeUndefined();
});

test('unavailable offers Send Anyway and Try Later; timed out cannot send', () => {
  const unavailable = smartAlertFor({ kind: 'unavailable' });
  const timedOut = smartAlertFor({ kind: 'timedOut' });
  expect(!unavailable.send && unavailable.alert.buttons.map((b) => b.action)).toEqual([
    'sendAnyway',
    'tryLater',
  ]);
  expect(!timedOut.send && timedOut.alert.buttons.map((b) => b.action)).toEqual(['ok']);
});
