// One person's chronology: every event, forwarded or filed email, SPOC outcome, decision, letter
// and review in time order, a chart of contacts per week, a filter by heading, a link to the
// original email, an export as CSV and a printable page — both with the option to redact the
// names of staff and witnesses (policy 003 Appendix 5).
import { useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Chronology, ChronologyEntry, ReviewService } from '../../app/review/types';
import { BEHAVIOUR_LABELS, type Behaviour } from '../../policy/events/vocabulary';
import { todayInLondon } from '../../policy/londonDate';
import { safeMessageLink } from '../../policy/chronology/messageLink';
import { authorshipWarning, type EntryAuthor } from '../../policy/chronology/authorship';
import { chronologyRedaction } from '../../app/review/redaction';
import { chronologyRedactor, REDACTED } from '../../policy/chronology';
import { WeeklyChart } from './WeeklyChart';
import { printElement } from './printing';
import {
  ENTRY_KIND_LABELS,
  REVIEW_TEXT,
  chronologyHeading,
  entriesCountText,
  errorText,
  formatWhen,
  printedText,
} from './reviewText';
import { useReviewStyles } from './reviewStyles';

const useStyles = makeStyles({
  heading: { margin: 0 },
  note: { margin: 0 },
  root: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
  },
  entry: {
    minWidth: 0,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'grid',
    rowGap: '2px',
  },
  threat: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  filter: { minWidth: 0, maxWidth: '100%' },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  printOnly: { display: 'none', '@media print': { display: 'block' } },
});

export function headingLabel(code: string): string {
  return BEHAVIOUR_LABELS[code as Behaviour] ?? code;
}

export function sortedEntries(entries: readonly ChronologyEntry[]): ChronologyEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at));
}

function download(text: string, fileName: string): void {
  // A BOM so that Excel reads the UTF-8 names correctly.
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The original email: a link only to Outlook on the web (safeMessageLink); any other value, which
 * someone wrote into the list by hand, is shown as text and never opened.
 */
function MessageLink({ value, shown }: { value: string; shown: string }) {
  const href = safeMessageLink(value);
  if (href)
    return (
      <span data-cg-no-print>
        <Link href={href} target="_blank" rel="noopener noreferrer">
          {REVIEW_TEXT.openEmail}
        </Link>
      </span>
    );
  return (
    <Text size={200} data-testid="unsafe-message-link">
      {REVIEW_TEXT.unsafeLink} {shown}
    </Text>
  );
}

/**
 * Who created the entry and when, from SharePoint's record of the item; who changed it last when
 * that was another account; and the flag when the name the client wrote is someone else's.
 */
function AuthorLines({ author, text }: { author: EntryAuthor; text: (s: string) => string }) {
  const styles = useStyles();
  const warning = authorshipWarning(author);
  return (
    <>
      <Text size={200} className={styles.muted} data-testid="entry-author">
        {REVIEW_TEXT.createdBy} {text(author.createdBy)}
        {author.createdAt ? `, ${formatWhen(author.createdAt)}` : ''}
      </Text>
      {author.changedBy && (
        <Text size={200} className={styles.muted} data-testid="entry-changed">
          {REVIEW_TEXT.changedBy} {text(author.changedBy)}
          {author.changedAt ? `, ${formatWhen(author.changedAt)}` : ''}
        </Text>
      )}
      {warning && (
        <Text size={200} weight="semibold" className={styles.warning} data-testid="authorship-flag">
          {REVIEW_TEXT.check} {text(warning)}
        </Text>
      )}
    </>
  );
}

export interface ChronologyPanelProps {
  chronology: Chronology;
  review: Pick<ReviewService, 'exportCsv'>;
  now?: () => Date;
  /** Saves the CSV (a browser download by default; tests pass their own). */
  save?: (csv: string, fileName: string) => void;
  print?: (element: HTMLElement) => void;
}

export function ChronologyPanel({
  chronology,
  review,
  now = () => new Date(),
  save = download,
  print = (el) => printElement(el),
}: ChronologyPanelProps) {
  const styles = useStyles();
  const shared = useReviewStyles();
  const [heading, setHeading] = useState('');
  const [redact, setRedact] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const printable = useRef<HTMLElement>(null);

  const entries = useMemo(() => sortedEntries(chronology.entries), [chronology.entries]);
  const headings = useMemo(
    () => [...new Set(entries.flatMap((e) => e.headings))].sort(),
    [entries],
  );
  const shown = heading === '' ? entries : entries.filter((e) => e.headings.includes(heading));
  // The same redactor as the CSV export (policy/chronology: one routine for both).
  const redactor = useMemo(
    () => chronologyRedactor(chronology.entries, chronologyRedaction(chronology)),
    [chronology],
  );
  const text = (s: string) => (redact ? redactor(s) : s);

  const exportCsv = () => {
    setExporting(true);
    setError(null);
    review.exportCsv(chronology.personKey, { redact }).then(
      (csv) => {
        setExporting(false);
        save(csv, `chronology-${todayInLondon(now())}${redact ? '-redacted' : ''}.csv`);
      },
      (e: unknown) => {
        setExporting(false);
        setError(errorText(e));
      },
    );
  };

  return (
    <section
      ref={printable}
      className={styles.root}
      aria-labelledby="cg-chronology-heading"
      data-testid="chronology"
    >
      <Text
        as="h2"
        block
        size={400}
        weight="semibold"
        className={styles.heading}
        id="cg-chronology-heading"
      >
        {chronologyHeading(chronology.personName)}
      </Text>
      <Text as="p" block size={200} className={styles.printOnly}>
        {printedText(
          todayInLondon(now()),
          redact,
          heading !== '' ? headingLabel(heading) : undefined,
        )}
      </Text>
      <WeeklyChart perWeek={chronology.perWeek} />
      <div className={styles.tools} data-cg-no-print>
        {headings.length > 0 && (
          <Field label={REVIEW_TEXT.showHeading} className={styles.filter}>
            <Select
              value={heading}
              onChange={(_, d) => setHeading(d.value)}
              aria-label={REVIEW_TEXT.filterByHeading}
            >
              <option value="">{REVIEW_TEXT.allEntries}</option>
              {headings.map((h) => (
                <option key={h} value={h}>
                  {headingLabel(h)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Checkbox
          checked={redact}
          onChange={(_, d) => setRedact(d.checked === true)}
          label={REVIEW_TEXT.redact}
        />
        <Button size="small" onClick={exportCsv} disabled={exporting}>
          {exporting ? REVIEW_TEXT.exporting : REVIEW_TEXT.exportCsv}
        </Button>
        <Button
          size="small"
          onClick={() => printable.current && print(printable.current)}
          disabled={shown.length === 0}
        >
          {REVIEW_TEXT.print}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" block size={200} className={styles.muted}>
        {entriesCountText(shown.length, entries.length)}
      </Text>
      <ol className={styles.list}>
        {shown.map((e, i) => (
          <li
            key={`${e.at}|${i}`}
            className={mergeClasses(styles.entry, e.threat && styles.threat)}
            data-testid="chronology-entry"
            data-kind={e.kind}
          >
            <div className={styles.line}>
              <Text size={200} className={styles.muted}>
                <time dateTime={e.at}>{formatWhen(e.at)}</time>
              </Text>
              <Badge appearance="outline" size="small" className={shared.badge}>
                {ENTRY_KIND_LABELS[e.kind] ?? e.kind}
              </Badge>
              {e.threat && (
                <Badge appearance="filled" color="danger" size="small" className={shared.badge}>
                  {REVIEW_TEXT.threat}
                </Badge>
              )}
            </div>
            <Text weight="semibold">{text(e.title)}</Text>
            {e.details.length > 0 && (
              <ul className={styles.details}>
                {e.details.map((d, j) => (
                  <li key={j}>
                    <Text size={200}>{text(d)}</Text>
                  </li>
                ))}
              </ul>
            )}
            {/* The headings are said once, in the details' "Behaviour:" line (policy/chronology). */}
            {e.staffNames.length > 0 && (
              <Text size={200} className={styles.muted} data-testid="staff-names">
                {REVIEW_TEXT.staffAndWitnesses}{' '}
                {redact ? e.staffNames.map(() => REDACTED).join(', ') : e.staffNames.join(', ')}
              </Text>
            )}
            {e.author && <AuthorLines author={e.author} text={text} />}
            {e.messageLink && <MessageLink value={e.messageLink} shown={text(e.messageLink)} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
