// Letters: the policies' model letters filled from the case, previewed for printing, and created
// as an Outlook draft addressed to the person for the head teacher to edit and send. Nothing is
// ever sent automatically.
import { useCallback, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LetterDraftResult, ReviewService } from '../../app/review/types';
import { isBan } from '../../policy/lifecycle/terms';
import type { RestrictionCase } from '../../policy/lifecycle/types';
import { LETTER_KINDS, LETTER_LABELS, type LetterKind } from '../../policy/letters/templates';
import { isLocalDate, todayInLondon } from '../../policy/londonDate';
import { printElement } from './printing';
import { REVIEW_TEXT, draftCreatedText, errorText, letterDatedText } from './reviewText';
import { useAsync } from '../useAsync';

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  // A <select> is as wide as its longest option (the letters' names are long): let it shrink.
  field: { minWidth: 0 },
  select: {
    minWidth: 0,
    maxWidth: '100%',
    '& > select': { minWidth: 0, textOverflow: 'ellipsis' },
  },
  dateInput: { maxWidth: '16em' },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  letter: {
    minWidth: 0,
    maxWidth: '72ch',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#ffffff',
    color: '#000000',
    padding: tokens.spacingHorizontalL,
    fontFamily: 'Georgia, "Times New Roman", serif',
    fontSize: '14px',
    lineHeight: 1.45,
    overflowWrap: 'anywhere',
    '& p': { margin: '0 0 0.8em 0' },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The letter that usually goes with the case's stage. */
export function suggestedLetter(c: RestrictionCase | undefined): LetterKind {
  switch (c?.stage) {
    case 'provisional':
      return c.restriction && isBan(c.restriction.terms)
        ? 'banPendingReview'
        : 'conditionsPendingReview';
    case 'active':
      return c.history.some((h) => h.transition === 'confirm')
        ? 'confirmation'
        : 'restrictionNotice';
    case 'extended':
      return 'restrictionNotice';
    case 'overturned':
      return 'overturn';
    default:
      return 'warning';
  }
}

const NOT_RECORDED = REVIEW_TEXT.letterNotRecorded;

export interface LettersPanelProps {
  review: Pick<ReviewService, 'letterPreview' | 'draftLetter' | 'recordLetterPrinted'>;
  personKey: string;
  current: RestrictionCase | undefined;
  print?: (element: HTMLElement) => void;
  /** After a draft is created (the case records it: the chronology shows it). */
  onDrafted?: () => void;
  /** The default letter date (today in Europe/London). */
  today?: string;
}

export function LettersPanel({
  review,
  personKey,
  current,
  print = (el) => printElement(el),
  onDrafted,
  today,
}: LettersPanelProps) {
  const styles = useStyles();
  const [kind, setKind] = useState<LetterKind>(() => suggestedLetter(current));
  // The letter's own date: every window it states is counted from it (the head teacher may set it).
  const [letterDate, setLetterDate] = useState<string>(() => today ?? todayInLondon(new Date()));
  const dateOk = isLocalDate(letterDate);
  const [drafting, setDrafting] = useState(false);
  // A letter printed or drafted that the case could not record: its windows still count from before.
  const [notRecorded, setNotRecorded] = useState<string | null>(null);
  const printable = useRef<HTMLDivElement>(null);
  // What the preview and the draft belong to: a decision just saved changes what a letter says.
  const key = `${personKey}|${kind}|${current?.stage ?? ''}|${letterDate}`;
  const [drafted, setDrafted] = useState<{
    key: string;
    draft?: LetterDraftResult;
    error?: string;
  } | null>(null);

  // Read again when the key changes (a decision just saved changes what the letter says).
  const loadPreview = useCallback(
    () => review.letterPreview(personKey, kind, letterDate),
    [review, personKey, kind, letterDate],
  );
  const previewed = useAsync(dateOk ? loadPreview : null, key);
  const preview: { letter?: { subject: string; bodyHtml: string }; error?: string } | undefined =
    !dateOk || previewed.state === 'loading'
      ? undefined
      : previewed.state === 'done'
        ? { letter: previewed.value }
        : { error: errorText(previewed.error) };
  const letter = preview?.letter;
  const draft = drafted?.key === key ? drafted.draft : undefined;
  const error = preview?.error ?? (drafted?.key === key ? drafted.error : undefined);
  const busy = drafting ? 'draft' : preview === undefined && dateOk ? 'preview' : null;

  const createDraft = () => {
    setDrafting(true);
    setDrafted(null);
    review.draftLetter(personKey, kind, letterDate).then(
      (d) => {
        setDrafting(false);
        setDrafted({ key, draft: d });
        setNotRecorded(d.recorded ? null : NOT_RECORDED);
        onDrafted?.();
      },
      (e: unknown) => {
        setDrafting(false);
        setDrafted({ key, error: errorText(e) });
      },
    );
  };

  // Printed letters go by post or by hand: the case records them, and counts their windows, too.
  const printLetter = () => {
    if (!printable.current) return;
    print(printable.current);
    review.recordLetterPrinted(personKey, kind, letterDate).then(
      (r) => {
        setNotRecorded(r.recorded ? null : NOT_RECORDED);
        if (r.recorded) onDrafted?.();
      },
      (e: unknown) => setNotRecorded(`${NOT_RECORDED} (${errorText(e)})`),
    );
  };

  return (
    <section className={styles.root} aria-labelledby="cg-letters-heading" data-testid="letters">
      <Text
        as="h2"
        block
        size={400}
        weight="semibold"
        className={styles.heading}
        id="cg-letters-heading"
      >
        {REVIEW_TEXT.letters}
      </Text>
      <Field label={REVIEW_TEXT.letter} className={styles.field}>
        <Select
          className={styles.select}
          value={kind}
          onChange={(_, d) => setKind(d.value as LetterKind)}
        >
          {LETTER_KINDS.map((k) => (
            <option key={k} value={k}>
              {LETTER_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        className={styles.field}
        label={REVIEW_TEXT.letterDate}
        hint={dateOk ? letterDatedText(letterDate) : REVIEW_TEXT.letterDateHint}
        validationMessage={dateOk ? undefined : REVIEW_TEXT.enterLetterDate}
      >
        <Input
          className={styles.dateInput}
          type="date"
          value={letterDate}
          data-testid="letter-date"
          onChange={(_, d) => setLetterDate(d.value)}
        />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {busy === 'preview' && <Text size={200}>{REVIEW_TEXT.preparingLetter}</Text>}
      {letter && dateOk && (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={createDraft} disabled={busy !== null}>
              {busy === 'draft' ? REVIEW_TEXT.creatingDraft : REVIEW_TEXT.createDraft}
            </Button>
            <Button onClick={printLetter}>{REVIEW_TEXT.print}</Button>
          </div>
          <Text size={200} className={styles.muted}>
            {REVIEW_TEXT.draftNote}
          </Text>
          {notRecorded && (
            <MessageBar intent="warning" data-testid="letter-not-recorded">
              <MessageBarBody>{notRecorded}</MessageBarBody>
            </MessageBar>
          )}
          {draft && (
            <MessageBar intent="success" data-testid="draft-created">
              <MessageBarBody>
                {draftCreatedText(draft.subject)}{' '}
                {draft.webLink && (
                  <Link href={draft.webLink} target="_blank" rel="noopener noreferrer">
                    {REVIEW_TEXT.openInOutlook}
                  </Link>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          <div ref={printable} className={styles.letter} data-testid="letter-preview">
            <Text as="p" block weight="semibold" data-cg-no-print>
              {REVIEW_TEXT.subject} {letter.subject}
            </Text>
            {/* bodyHtml comes from renderLetter, which escapes every value and the template's own words. */}
            <div dangerouslySetInnerHTML={{ __html: letter.bodyHtml }} />
          </div>
        </>
      )}
    </section>
  );
}
