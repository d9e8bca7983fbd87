// The words of the pieces every page shares (the loading and failure of anything loaded), and of
// the task pane's frame (its title and tabs). Each feature's own words are beside it:
// src/taskpane/text.ts (sender check), components/actions/actionText.ts,
// components/events/eventText.ts, src/ui/review/reviewText.ts, views/adminText.ts.
export const UI_TEXT = {
  tryAgain: 'Try again',
  loading: 'Loading…',
} as const;

export const PANE_TEXT = {
  title: 'Contact Guard',
  tabsLabel: 'Contact Guard views',
  tabs: { sender: 'Sender', log: 'Log contact', review: 'Review', admin: 'Admin' },
} as const;
