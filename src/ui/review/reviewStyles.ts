// Styles the review's panels share: badges that wrap onto a second line instead of running out of
// their column (Fluent's Badge is one fixed-height line), and people's names drawn as links where
// pressing them opens the person, so they look as clickable as they are.
import { makeStyles, tokens } from '@fluentui/react-components';

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
  },
});
