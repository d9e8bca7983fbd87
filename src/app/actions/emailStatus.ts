// What an action on restricted correspondence is about and what it answers: the email and the
// restriction it was acted on for, the outcomes of a forward and a filing, the undo of a filing, and
// the email's state as the pane shows it (which marks are live).
import type { MessageMark, MessageRef } from '../../graph/mail/messageMarks';
import type { MessageState } from '../../graph/mail/mailActions';
import type { OpenMessage } from '../../host/mailHost';
import type { Restriction } from '../../policy/types';
import type { UrgencyResult } from '../../policy/mailActions';

/** An email acted on because of a restriction. */
export interface ActionTarget {
  message: OpenMessage;
  restriction: Restriction;
  /** The sender's address that matched the restriction. */
  matchedAddress: string;
}

export type ForwardOutcome =
  | { status: 'done' | 'alreadyDone'; mark: MessageMark }
  /** Someone else is forwarding this email right now: nothing was done here. */
  | { status: 'busy'; byName: string; at: string };

export interface UndoToken {
  ref: MessageRef;
  fromFolderId: string;
  key: string;
  /** The SPOC's "no new issue" is undone with the filing. */
  outcome: boolean;
  internetMessageId?: string;
}

export interface FileOutcome {
  status: 'done' | 'alreadyDone';
  mark: MessageMark;
  /** Only for a filing done now, from this pane. */
  undo?: UndoToken;
}

export type ForwardAndFileOutcome =
  | { forward: ForwardOutcome; file?: undefined }
  | { forward: ForwardOutcome & { status: 'done' | 'alreadyDone' }; file: FileOutcome };

/** What the pane shows for an open email. */
export interface EmailStatus {
  ref: MessageRef;
  state: MessageState;
  urgency: UrgencyResult;
  forwarded?: MessageMark;
  /** A filing that was not undone. */
  filed?: MessageMark;
  /** The SPOC's outcome, unless undone. */
  outcome?: MessageMark;
}

export interface FiledDetail {
  path: string;
  fromFolderId?: string;
  undone?: boolean;
}

export function filedDetail(mark: MessageMark | undefined): FiledDetail | undefined {
  if (!mark?.detail) return undefined;
  try {
    const d = JSON.parse(mark.detail) as Partial<FiledDetail>;
    return {
      path: typeof d.path === 'string' ? d.path : '',
      fromFolderId: d.fromFolderId,
      undone: d.undone === true,
    };
  } catch {
    return { path: '' };
  }
}

export function refOf(message: OpenMessage): MessageRef {
  return { mailbox: message.sharedMailbox, messageId: message.itemId };
}

export function activeMark(
  marks: MessageMark[],
  kind: MessageMark['kind'],
): MessageMark | undefined {
  const mark = marks.find((m) => m.kind === kind);
  if (!mark) return undefined;
  if (kind === 'filed' && filedDetail(mark)?.undone) return undefined;
  if (kind === 'spocOutcome' && mark.detail === 'undone') return undefined;
  return mark;
}

/** The key of an email in the maps kept per email: its mailbox and id. */
export function idKey(ref: MessageRef): string {
  return `${(ref.mailbox ?? '').toLowerCase()}|${ref.messageId}`;
}
