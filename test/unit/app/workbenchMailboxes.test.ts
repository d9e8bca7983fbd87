// The workbench's mailbox menu: a shared mailbox is offered once per person granted Full Access.
import { mailboxChoices } from '../../../dev/workbench/mailboxes';

const users = [
  { displayName: 'Sarah Whitfield', mail: 'reception@s.uk', userPrincipalName: 'reception@s.uk' },
  { displayName: 'Jo Evans', mail: 'jo@s.uk', userPrincipalName: 'jo@s.uk' },
  { displayName: 'Tom Ashworth', mail: 'tom@s.uk', userPrincipalName: 'tom@s.uk' },
];

test('a shared mailbox is offered once per Full Access delegate, the first under its address', () => {
  const choices = mailboxChoices({
    users,
    mailboxes: [
      { address: 'reception@s.uk', kind: 'user' },
      {
        address: 'office@s.uk',
        displayName: 'Office',
        kind: 'shared',
        delegates: [
          { user: 'reception@s.uk', fullAccess: true },
          { user: 'JO@s.uk', fullAccess: true },
          { user: 'tom@s.uk' }, // Send As only, say: cannot open it
        ],
      },
    ],
  });
  expect(choices.map((c) => [c.id, c.user.emailAddress, c.shared])).toEqual([
    ['reception@s.uk', 'reception@s.uk', false],
    ['office@s.uk', 'reception@s.uk', true],
    ['office@s.uk as jo@s.uk', 'jo@s.uk', true],
  ]);
});

test('a shared mailbox without grants is opened by the first person in the seed', () => {
  const choices = mailboxChoices({
    users,
    mailboxes: [{ address: 'office@s.uk', kind: 'shared' }],
  });
  expect(choices.map((c) => [c.id, c.user.emailAddress])).toEqual([
    ['office@s.uk', 'reception@s.uk'],
  ]);
});
