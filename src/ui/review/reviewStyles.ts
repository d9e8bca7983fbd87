// Styles the review's panels share: badges that wrap onto a second line instead of running out of
// their column (Fluent's Badge is one fixed-height line), and people's names drawn as links where
// pressing them opens the person, so they look as clickable as they are.
import { makeStyles, tokens } from '@fluentui/react-components';

// Fluent's high-contrast theme draws links yellow for its black background; when Windows forces
// its own colours the background becomes the user's Canvas (white in a light scheme) and the
// yellow stays, unreadable (axe: 1.07:1). In forced colours a link takes the system's LinkText.
const FORCED_LINK = { '@media (forced-colors: active)': { color: 'LinkText' } } as const;

export const useReviewStyles = makeStyles({
  badge: {
    height: 'auto',
    minHeight: '20px',
    maxWidth: '100%',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    textAlign: 'start',
    paddingTop: '1px',
    paddingBottom: '1px',
  },
  nameLink: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    overflowWrap: 'anywhere',
    ...FORCED_LINK,
  },
  /** A plain Link, readable when Windows forces its colours (see FORCED_LINK). */
  link: FORCED_LINK,
});
