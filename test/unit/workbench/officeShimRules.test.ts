// The workbench Office stand-in's rules: notification limits.
import { refusal, validNotification } from '../../../dev/workbench/runtime/notificationRules';
import { sessionDataFits } from '../../../dev/workbench/runtime/sessionDataLimit';

test('session data: 50,000 characters per add-in, the whole object counted', () => {
  const current = new Map([['a', 'x'.repeat(49_000)]]);
  expect(sessionDataFits(current, 'b', 'y'.repeat(900))).toBe(true);
  expect(sessionDataFits(current, 'b', 'y'.repeat(1_000))).toBe(false);
  expect(sessionDataFits(current, 'a', 'short')).toBe(true);
});

test('a notification breaking Office.js parameter rules throws at the call', () => {
  const info = { type: 'informationalMessage', message: 'Hi', icon: 'i', persistent: false };
  expect(validNotification('k', info)).toEqual({ key: 'k', ...info });
  expect(() => validNotification('k'.repeat(33), info)).toThrow(/32/);
  expect(() => validNotification('k', { ...info, message: 'm'.repeat(151) })).toThrow(
    expect.objectContaining({ name: 'ArgumentOutOfRange' }),
  );
  expect(() => validNotification('k', { type: 'errorMessage', message: 'x', icon: 'i' })).toThrow(
    expect.objectContaining({ name: 'ArgumentException' }),
  );
  expect(() => validNotification('k', { type: 'insightMessage', message: 'x' })).toThrow(/icon/);
  const action = {
    actionType: 'showTaskPane',
    actionText: 'Open',
    commandId: 'c',
    contextData: '{}',
  };
  expect(() => validNotification('k', { ...info, actions: [action] })).toThrow(/insightMessage/);
  expect(() =>
    validNotification('k', {
      type: 'insightMessage',
      message: 'x',
      icon: 'i',
      actions: [action, action],
    }),
  ).toThrow(/1 action/);
});

test('at most 5 per item, one insight, no duplicate key on add', () => {
  const n = (key: string, type = 'informationalMessage') =>
    validNotification(key, {
      type,
      message: key,
      icon: 'i',
      ...(type === 'insightMessage' ? {} : { persistent: true }),
    });
  const five = ['a', 'b', 'c', 'd', 'e'].map((k) => n(k));
  expect(refusal(five, n('f'), false)?.name).toBe('NumberOfNotificationMessagesExceeded');
  expect(refusal(five, n('e'), true)).toBeUndefined();
  expect(refusal([n('a')], n('a'), false)?.name).toBe('DuplicateNotificationKey');
  expect(refusal([n('a', 'insightMessage')], n('b', 'insightMessage'), false)).toBeDefined();
});
