// Acting on restricted correspondence (issue #4): pure rules. No I/O below this folder.
// The urgency check lives in src/policy/urgency; re-exported here for the mail actions' callers.
export {
  detectUrgency,
  keywordPattern,
  plainText,
  type UrgencyMatch,
  type UrgencyResult,
} from '../urgency';
export {
  checkSpocAddress,
  isSpoc,
  type SpocAddressCheck,
  type SpocAddressProblem,
} from './spocAddress';
export { filingPath, MAX_FOLDER_NAME, odataString, personFolderName } from './folders';
export { coverNote, schoolDateTime, urgentLine, type CoverNoteInput } from './coverNote';
export {
  FORWARD_HEADER,
  FORWARD_MARKER,
  findForwardHeader,
  findForwardMarker,
  forwardMarkerLine,
  formatForwardHeader,
  looksForwarded,
  parseForwardHeader,
  trustedForwardHeader,
  type ForwardHeaderValue,
} from './forwardHeader';
export {
  ATTEMPT_LIMIT_MS,
  CLAIM_HONOURED_MS,
  claimValue,
  decideClaim,
  parseClaim,
  type ClaimDecision,
  type ForwardClaim,
} from './claim';

/** Visible categories Contact Guard puts on emails it acted on. */
export const ACTION_CATEGORIES = {
  forwarded: 'Contact Guard: forwarded to SPOC',
  filed: 'Contact Guard: filed',
  newIssue: 'Contact Guard: new issue',
} as const;

/** What the restriction's Handling asks for, as the pane's primary action. */
export type PrimaryAction = 'forward' | 'file' | 'forwardAndFile';

export function primaryActionFor(handling: 'Forward' | 'File' | 'ForwardAndFile'): PrimaryAction {
  return handling === 'Forward' ? 'forward' : handling === 'File' ? 'file' : 'forwardAndFile';
}
