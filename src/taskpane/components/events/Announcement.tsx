import { makeStyles } from '@fluentui/react-components';

// Visually hidden, still read by screen readers (the usual clip pattern; Fluent UI has no
// public equivalent in v9's components).
const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * A polite live region that is always in the page, so that a change of its text is announced
 * (a region added together with its text is not, in most screen readers). It says the outcome of
 * what the user did: saving, saved, waiting, not logged.
 */
export function Announcement({ text, testId }: { text: string; testId: string }) {
  const styles = useStyles();
  return (
    // No role="status": the verdict is the pane's status (browser tests find it by that role).
    <div aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid={testId}>
      {text}
    </div>
  );
}
