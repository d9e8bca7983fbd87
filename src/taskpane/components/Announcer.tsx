import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';

// The pane's one polite live region (issue 13, item 5). A verdict's heading and each action's
// outcome are said here, once each, in a sentence; nothing else in the pane is a live region, so a
// background refresh or a panel that grows does not make a screen reader read it all again.
// A live region must already be in the page when its text changes to be announced, so it lives in
// the view (above the per-email parts) and only its text changes.

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** What components call to have a sentence read out; a no-op outside an AnnouncerProvider. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

const useStyles = makeStyles({
  // Visually hidden, still read (the usual "sr-only" pattern).
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

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [said, setSaid] = useState({ text: '', n: 0 });
  // The same sentence twice (two emails with the same verdict) is still a change: a counter in
  // the key re-creates the text node so that it is read again.
  const announce = useCallback<Announce>((text) => setSaid((s) => ({ text, n: s.n + 1 })), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" className={styles.hidden} data-testid="announcer">
        <span key={said.n}>{said.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
