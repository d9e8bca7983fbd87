// The pictures `npm run screens` takes (issue 13), in the order docs/screens/README.md lists them.
// Each names a state by what the product does (the email's subject in the demo seed, the verdict,
// the user and their role), never by how it is drawn, so it still finds its state when the pane's
// layout changes. run.ts reaches each state; this file only says which states there are.

export interface Shot {
  /** File name in docs/screens, without `.png`. */
  name: string;
  /** What the picture shows, for docs/screens/README.md and the README's gallery. */
  title: string;
  /** Where the state comes from (the user, the email, the fault), for the README. */
  how: string;
}

// Subjects and people in the demo seed (dev/local-graph/seeds/demo-school.json).
export const RECEPTION = 'reception@oakfield.sch.uk';
export const IT_ADMIN = 'it.admin@oakfield.sch.uk';
export const HEAD = 'head@oakfield.sch.uk';
export const DENTON = 'mark.denton1978@gmail.com';
export const SUBJECTS = {
  restricted: 'Complaint about the Year 5 trip letter', // Mark Denton, Active, SPOC Priya Shah
  toForward: 'Re: Meeting request - Mr Denton', // his second address: forward to the SPOC and file
  caution: 'New email address', // Mark Denton's name from an unknown address
  clear: 'Absence - Oliver Clarke (dentist)',
} as const;
/** In the review: a written warning followed by another contact, so flagged (not restricted). */
export const REVIEW_PERSON = 'Janet Moss';

export const PANE_WIDTH = 350;
/** A head teacher's laptop screen. */
export const REVIEW_WIDTH = 1280;
export const REVIEW_HEIGHT = 800;

export const SHOTS: readonly Shot[] = [
  {
    name: 'pane-restricted',
    title: 'A restricted sender',
    how: `reception's inbox, "${SUBJECTS.restricted}" (Mark Denton, an active restriction)`,
  },
  {
    name: 'pane-restricted-forwarded',
    title: 'After forwarding to the single point of contact',
    how: `reception's inbox, "${SUBJECTS.toForward}", the pane's first action confirmed`,
  },
  {
    name: 'pane-caution',
    title: 'Caution: a restricted name from an unknown address',
    how: `reception's inbox, "${SUBJECTS.caution}"`,
  },
  {
    name: 'pane-clear',
    title: 'No contact restriction',
    how: `reception's inbox, "${SUBJECTS.clear}"`,
  },
  {
    name: 'pane-cannot-check',
    title: 'Cannot check: the service is down',
    how: `reception's inbox, "${SUBJECTS.clear}", with the local service down (/_dev/faults)`,
  },
  {
    name: 'pane-log-form',
    title: 'Logging a contact event',
    how: `reception's inbox, "${SUBJECTS.clear}", the log form opened`,
  },
  {
    name: 'compose-pane-restricted',
    title: 'The compose pane: a restricted recipient',
    how: 'reception writes a new email to Mark Denton and opens Contact Guard from the compose surface',
  },
  {
    name: 'compose-smart-alert',
    title: 'The Smart Alert on Send',
    how: 'reception writes a new email to Mark Denton and presses Send',
  },
  {
    name: 'pane-admin',
    title: 'The admin view',
    how: "the IT technician's mailbox, the pane's admin tab",
  },
  {
    name: 'review',
    title: "The head teacher's review, a case open",
    how: `review.html as Helen Marsh (head teacher) at ${REVIEW_WIDTH} px, ${REVIEW_PERSON} opened`,
  },
];
