import { useEffect, useId, useRef, type ReactNode } from 'react';
import {
  Button,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
// One icon module each (not the package index): the pane's first bundle carries only these.
import { CheckmarkCircleFilled } from '@fluentui/react-icons/svg/checkmark-circle';
import { ErrorCircleFilled } from '@fluentui/react-icons/svg/error-circle';
import { InfoFilled } from '@fluentui/react-icons/svg/info';
import { MailArrowForwardFilled } from '@fluentui/react-icons/svg/mail-arrow-forward';
import { ProhibitedFilled } from '@fluentui/react-icons/svg/prohibited';
import { WarningFilled } from '@fluentui/react-icons/svg/warning';
import type { Verdict } from '../../policy/types';
import {
  SENDER_CHECK_TEXT,
  cautionText,
  clearNoteText,
  forwardedTitle,
  handlingInstruction,
  matchedAddressText,
  spocLine,
  unavailableText,
  verdictAnnouncement,
} from '../text';
import { RestrictionDetails } from './RestrictionDetails';
import { useAnnounce } from './Announcer';

// Each verdict is told apart three ways besides its colour (issue 13, item 3), so that it reads
// the same in Windows high contrast (forced colours replace every colour) and to someone who does
// not see colour: its icon, its heading's words, and its border's style (restricted: thick solid,
// caution: dashed, cannot check: double, clear: thin solid, clear with a note: dotted).
const RESTRICTED_LOOK = {
  ...shorthands.border('3px', 'solid', tokens.colorPaletteRedBorder2),
  borderLeftWidth: '8px',
  backgroundColor: tokens.colorPaletteRedBackground1,
};

const useStyles = makeStyles({
  panel: {
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    overflowWrap: 'anywhere',
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
    borderLeftWidth: '6px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // The restricted verdict's top stays in view while its details, the log and the rest scroll
  // under it. Only where the pane is tall enough for it not to hide what is being read, and never
  // more than half the pane (it scrolls within itself beyond that).
  sticky: {
    '@media (min-height: 480px)': {
      position: 'sticky',
      top: 0,
      zIndex: 1,
      maxHeight: '50vh',
      overflowY: 'auto',
    },
    // While a confirmation is open (it has focus, and is read) the top is not held: a tall top
    // would otherwise scroll within itself and hide its own heading.
    ':has([data-confirm])': { position: 'static', maxHeight: 'none', overflowY: 'visible' },
  },
  restricted: RESTRICTED_LOOK,
  // Restricted correspondence forwarded to the SPOC is about a restricted person: the same look.
  forwarded: RESTRICTED_LOOK,
  caution: {
    ...shorthands.border('2px', 'dashed', tokens.colorPaletteMarigoldBorder2),
    borderLeftWidth: '6px',
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  clear: {
    ...shorthands.border('1px', 'solid', tokens.colorPaletteGreenBorder2),
    borderLeftWidth: '6px',
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  note: {
    ...shorthands.border('2px', 'dotted', tokens.colorPaletteBlueBorderActive),
    borderLeftWidth: '6px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // "Cannot check" means "do not assume clear": a warning, not a calm grey.
  unavailable: {
    ...shorthands.border('4px', 'double', tokens.colorPaletteDarkOrangeBorder2),
    borderLeftWidth: '8px',
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  checking: {},
  head: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, fontSize: '24px', marginTop: '2px' },
  iconRestricted: { color: tokens.colorPaletteRedForeground1 },
  iconCaution: { color: tokens.colorPaletteMarigoldForeground1 },
  iconClear: { color: tokens.colorPaletteGreenForeground1 },
  iconNote: { color: tokens.colorBrandForeground1 },
  iconUnavailable: { color: tokens.colorPaletteDarkOrangeForeground1 },
  title: { margin: 0, minWidth: 0 },
  line: { margin: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  details: {
    borderLeft: `6px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalXS,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  guidance: { margin: 0, whiteSpace: 'pre-wrap' },
  // Fluent's Text is inline whatever its tag: each line of a note on its own row.
  noteBox: { display: 'grid', rowGap: tokens.spacingVerticalXS },
});

export type VerdictAttr =
  'restricted' | 'forwarded' | 'caution' | 'clear' | 'unavailable' | 'checking';
type Look = Exclude<VerdictAttr, 'checking'> | 'note';

const ICONS: Record<Look, { Icon: typeof InfoFilled; tone: keyof ReturnType<typeof useStyles> }> = {
  restricted: { Icon: ProhibitedFilled, tone: 'iconRestricted' },
  forwarded: { Icon: MailArrowForwardFilled, tone: 'iconRestricted' },
  caution: { Icon: WarningFilled, tone: 'iconCaution' },
  clear: { Icon: CheckmarkCircleFilled, tone: 'iconClear' },
  note: { Icon: InfoFilled, tone: 'iconNote' },
  unavailable: { Icon: ErrorCircleFilled, tone: 'iconUnavailable' },
};

interface FrameProps {
  kind: Exclude<VerdictAttr, 'checking'>;
  /** How it looks: its own kind, or `note` for a clear verdict with something on file. */
  look?: Look;
  title: string;
  /** The one line said with the heading in the live region when the verdict arrives. */
  announce: string;
  /** Kept in view as the pane scrolls (a verdict with actions). */
  sticky?: boolean;
  /** The top: the lines under the heading, then the actions. */
  children: ReactNode;
  /** Under a collapsed "Details". */
  details?: ReactNode;
  /** `data-note` for tests and scripts: what a clear verdict notes. */
  note?: string;
  testId?: string;
}

/**
 * One verdict: its top (icon, heading, the lines that say what to do and the actions) and, under
 * it, the rest collapsed under "Details". Not a live region itself: its heading and first line are
 * said once in the pane's announcer when it arrives. `data-verdict` names it for tests and scripts.
 */
export function VerdictFrame({
  kind,
  look = kind,
  title,
  announce,
  sticky,
  children,
  details,
  note,
  testId = 'verdict',
}: FrameProps) {
  const styles = useStyles();
  const headingId = useId();
  const say = useAnnounce();
  useEffect(() => say(verdictAnnouncement(title, announce)), [say, title, announce]);
  const topRef = useStickyPadding(sticky === true);
  const { Icon, tone } = ICONS[look];
  return (
    <>
      <section
        ref={topRef}
        aria-labelledby={headingId}
        data-verdict={kind}
        data-note={note}
        data-testid={testId}
        className={mergeClasses(styles.panel, styles[look], sticky && styles.sticky)}
      >
        <div className={styles.head}>
          <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[tone])} />
          <Text as="h2" size={500} weight="semibold" id={headingId} className={styles.title}>
            {title}
          </Text>
        </div>
        {children}
      </section>
      {details && (
        <details className={styles.details} data-testid="verdict-details">
          <summary className={styles.summary}>{SENDER_CHECK_TEXT.details}</summary>
          {details}
        </details>
      )}
    </>
  );
}

/**
 * While the top is sticky, the page scrolls a focused element to below it, not under it (WCAG
 * 2.4.11, focus not obscured): the document's scroll-padding-top follows the top's height.
 */
function useStickyPadding(active: boolean) {
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    const root = document.documentElement;
    if (!active || !el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const stuck = getComputedStyle(el).position === 'sticky';
      root.style.scrollPaddingTop = stuck ? `${el.getBoundingClientRect().height}px` : '';
    };
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [active]);
  return ref;
}

interface Props {
  verdict: Verdict | null;
  onRetry: () => void;
  /** A restricted verdict's actions (loaded after the verdict), kept at the top with it. */
  actions?: ReactNode;
  /**
   * True once the email has been forwarded or filed: the actions then say what was done, by whom
   * and when, in place of the instruction line.
   */
  acted?: boolean;
  /**
   * The person reading is this restriction's single point of contact (or reads its shared
   * mailbox): the email is theirs to deal with, so the top is their heading, not "do not reply"
   * and "forward this to" themselves (issue 13, item 2).
   */
  viewerIsSpoc?: boolean;
}

/** The verdict on the open email's sender. */
export function VerdictPanel({
  verdict,
  onRetry,
  actions,
  acted = false,
  viewerIsSpoc = false,
}: Props) {
  const styles = useStyles();
  if (!verdict) {
    return (
      <section
        data-verdict="checking"
        data-testid="verdict"
        aria-busy="true"
        aria-label={SENDER_CHECK_TEXT.checking}
        className={mergeClasses(styles.panel, styles.checking)}
      >
        <Spinner size="tiny" label={SENDER_CHECK_TEXT.checking} />
      </section>
    );
  }
  switch (verdict.kind) {
    case 'restricted': {
      const r = verdict.restriction;
      const instruction = viewerIsSpoc
        ? SENDER_CHECK_TEXT.spocInstruction
        : handlingInstruction(r.handling, r.spocName || r.spocEmail);
      const matched = matchedAddressText(verdict.matchedOn, r.personName);
      return (
        <VerdictFrame
          kind="restricted"
          title={viewerIsSpoc ? forwardedTitle(r.personName) : SENDER_CHECK_TEXT.restrictedTitle}
          announce={instruction}
          sticky
          details={
            <RestrictionDetails
              restriction={r}
              reviewOverdue={verdict.reviewOverdue}
              note={SENDER_CHECK_TEXT.restrictedNote}
            />
          }
        >
          <Text as="p" className={styles.line} data-testid="verdict-spoc">
            {spocLine(r.spocName, r.spocEmail)}
          </Text>
          {/* The SPOC's own triage (under the top) says what to do: not said twice. */}
          {!acted && !viewerIsSpoc && (
            <Text
              as="p"
              className={mergeClasses(styles.line, styles.strong)}
              data-testid="instruction"
            >
              {instruction}
            </Text>
          )}
          {verdict.matchedOn !== 'from' && (
            <Text as="p" className={styles.line} data-testid="matched-address">
              {matched.before}
              <strong>{verdict.matchedAddress}</strong>
              {matched.after}
            </Text>
          )}
          {actions}
        </VerdictFrame>
      );
    }
    case 'caution':
      return (
        <VerdictFrame
          kind="caution"
          title={SENDER_CHECK_TEXT.cautionTitle}
          announce={SENDER_CHECK_TEXT.cautionNote}
        >
          {verdict.reasons.map((reason, i) => (
            <Text as="p" className={styles.line} key={i}>
              {cautionText(reason)}
            </Text>
          ))}
          <Text as="p" size={200} className={styles.line}>
            {SENDER_CHECK_TEXT.cautionNote}
          </Text>
        </VerdictFrame>
      );
    case 'clear': {
      const notes = verdict.notes ?? [];
      if (notes.length === 0) {
        return (
          <VerdictFrame
            kind="clear"
            title={SENDER_CHECK_TEXT.clearTitle}
            announce={SENDER_CHECK_TEXT.clearNote}
          >
            <Text as="p" className={styles.line}>
              {SENDER_CHECK_TEXT.clearNote}
            </Text>
          </VerdictFrame>
        );
      }
      // A warning on file is the stronger note: its heading leads when there are both.
      const warning = notes.some((n) => n.kind === 'warning');
      // Said with the heading it goes with: the warning's note when the heading is the warning's.
      const first = clearNoteText(notes.find((n) => n.kind === 'warning') ?? notes[0]!);
      return (
        <VerdictFrame
          kind="clear"
          look="note"
          note={warning ? 'warning' : 'startsLater'}
          title={warning ? SENDER_CHECK_TEXT.warningTitle : SENDER_CHECK_TEXT.startsLaterTitle}
          announce={first}
        >
          {notes.map((n, i) => (
            <div key={i} className={styles.noteBox} data-testid="clear-note" data-kind={n.kind}>
              <Text as="p" className={styles.line}>
                {clearNoteText(n)}
              </Text>
              {n.guidance.trim() && (
                <Text as="p" className={styles.guidance}>
                  <span className={styles.strong}>{SENDER_CHECK_TEXT.guidance}: </span>
                  {n.guidance}
                </Text>
              )}
            </div>
          ))}
        </VerdictFrame>
      );
    }
    case 'unavailable': {
      const reason = unavailableText[verdict.reason];
      const note = verdict.reason !== 'noSender' ? SENDER_CHECK_TEXT.unavailableNote : '';
      return (
        <VerdictFrame
          kind="unavailable"
          title={SENDER_CHECK_TEXT.unavailableTitle}
          announce={note || reason}
        >
          {note && (
            <Text as="p" className={mergeClasses(styles.line, styles.strong)}>
              {note}
            </Text>
          )}
          <Text as="p" className={styles.line}>
            {reason}
          </Text>
          {verdict.reason !== 'noSender' && verdict.reason !== 'malformedMatch' && (
            <div>
              <Button appearance="primary" onClick={onRetry}>
                {SENDER_CHECK_TEXT.tryAgain}
              </Button>
            </div>
          )}
        </VerdictFrame>
      );
    }
  }
}
