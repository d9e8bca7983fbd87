// The compose surface's recipient parsing and the addressing of replies and forwards.
import { parseRecipient, parseRecipients } from '../../../dev/workbench/page/recipientText';
import { addressFor, type OriginalMessage } from '../../../dev/workbench/page/composeAddressing';

test('an address, or Name <address>, with ; or , between several', () => {
  expect(parseRecipient(' mark.denton1978@gmail.com ')).toEqual({
    emailAddress: 'mark.denton1978@gmail.com',
    displayName: 'mark.denton1978@gmail.com',
  });
  expect(parseRecipient('Mark Denton <mark.denton1978@gmail.com>')).toEqual({
    emailAddress: 'mark.denton1978@gmail.com',
    displayName: 'Mark Denton',
  });
  expect(parseRecipients('"Denton, Mark" <m@x.uk>; a@b.uk, not an address')).toEqual({
    recipients: [
      { emailAddress: 'm@x.uk', displayName: 'Denton, Mark' },
      { emailAddress: 'a@b.uk', displayName: 'a@b.uk' },
    ],
    rest: 'not an address',
  });
});

const r = (emailAddress: string) => ({ emailAddress, displayName: emailAddress });
const original: OriginalMessage = {
  subject: 'Trip',
  body: '',
  from: r('parent@x.uk'),
  replyTo: [],
  to: [r('office@s.uk'), r('me@s.uk'), r('other@s.uk')],
  cc: [r('ME@s.uk'), r('head@s.uk'), r('other@s.uk')],
};

test('reply goes to the sender, or to Reply-To when set; RE: once', () => {
  expect(addressFor('reply', original, ['me@s.uk'])).toEqual({
    subject: 'RE: Trip',
    to: [r('parent@x.uk')],
    cc: [],
  });
  const withReplyTo = { ...original, subject: 'RE: Trip', replyTo: [r('other.parent@x.uk')] };
  expect(addressFor('reply', withReplyTo, ['me@s.uk'])).toMatchObject({
    subject: 'RE: Trip',
    to: [r('other.parent@x.uk')],
  });
});

test('reply all adds To and Cc without the user, the mailbox or repeats; forward starts empty', () => {
  expect(addressFor('replyAll', original, ['me@s.uk', 'office@s.uk'])).toEqual({
    subject: 'RE: Trip',
    to: [r('parent@x.uk'), r('other@s.uk')],
    cc: [r('head@s.uk')],
  });
  expect(addressFor('forward', original, ['me@s.uk'])).toEqual({
    subject: 'FW: Trip',
    to: [],
    cc: [],
  });
});
