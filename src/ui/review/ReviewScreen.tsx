// The head teacher's review (issue #5), in two layouts from the same parts: `pane` for the 350 px
// task pane (flagged list → person → chronology, decisions or letters, one at a time) and `page`
// for review.html at a desk (lists on the left, the person across the rest of the width).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Chronology, FlaggedSender, ReviewService } from '../../app/review/types';
import type { DueItem } from '../../policy/lifecycle/due';
import type { RestrictionCase } from '../../policy/lifecycle/types';
import type { HintThresholds } from '../../policy/hints';
import { todayInLondon } from '../../policy/londonDate';
import { ActionsPanel } from './ActionsPanel';
import { ChronologyPanel } from './ChronologyPanel';
import { DuePanel } from './DuePanel';
import { FlaggedSenders } from './FlaggedSenders';
import { LettersPanel } from './LettersPanel';
import { previewerFor } from './deadlinePreview';
import { REVIEW_TEXT, errorText, readingPersonText } from './reviewText';

// review.html at a desk: the lists beside the person below ~1,500 px (the chronology, then the
// decisions and letters under it), three columns above, one column on a narrow window. Every
// column may shrink below its content's width (minmax(0, 1fr), min-width: 0) and long words wrap,
// so nothing is pushed past the window's edge (issue 13: a head teacher's 1,280 px laptop).
const THREE_COLUMNS = '@media (min-width: 1500px)';
const ONE_COLUMN = '@media (max-width: 899px)';

const useStyles = makeStyles({
  heading: { margin: 0, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  pane: { display: 'grid', rowGap: tokens.spacingVerticalL },
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 320px) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXXL,
    alignItems: 'start',
    overflowWrap: 'anywhere',
    [ONE_COLUMN]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'grid', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  person: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  personPage: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXXL,
    alignItems: 'start',
    minWidth: 0,
    [THREE_COLUMNS]: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' },
  },
  column: { minWidth: 0 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  jump: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    [THREE_COLUMNS]: { display: 'none' },
    '@media print': { display: 'none' },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

type PersonTab = 'chronology' | 'decisions' | 'letters';

export interface ReviewScreenProps {
  review: ReviewService;
  layout: 'pane' | 'page';
  /** The signed-in reviewer (pre-fills "who decided"). */
  user?: { displayName: string };
  now?: () => Date;
  thresholds?: HintThresholds;
}

interface Lists {
  senders: FlaggedSender[];
  due: DueItem[];
}

interface Person {
  sender: Pick<FlaggedSender, 'personKey' | 'personName' | 'emails'>;
  chronology?: Chronology;
  current?: RestrictionCase;
  loaded: boolean;
  error?: string;
}

export function ReviewScreen({
  review,
  layout,
  user,
  now = () => new Date(),
  thresholds,
}: ReviewScreenProps) {
  const styles = useStyles();
  const [lists, setLists] = useState<Lists | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [noticeError, setNoticeError] = useState<string | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [tab, setTab] = useState<PersonTab>('chronology');
  const today = todayInLondon(now());
  // The service previews a decision with the plan its save runs (the school's settings).
  const previewer = useMemo(() => previewerFor(review), [review]);

  const [schoolThresholds, setSchoolThresholds] = useState<HintThresholds | undefined>();
  // Sets state only when the reads end (so it may run from an effect).
  const loadLists = useCallback(() => {
    // The school's hint thresholds (the Settings list).
    review.settings().then(
      (s) => setSchoolThresholds(s.thresholds),
      () => undefined,
    );
    return Promise.all([review.flaggedSenders(), review.dueAndOverdue()]).then(
      ([senders, due]) => {
        setListError(null);
        setLists({ senders, due });
      },
      (e: unknown) => setListError(errorText(e)),
    );
  }, [review]);

  useEffect(() => {
    void loadLists();
  }, [loadLists]);

  const loadPerson = useCallback(
    (sender: Person['sender']) => {
      setPerson((p) =>
        p && p.sender.personKey === sender.personKey
          ? { ...p, loaded: false, error: undefined }
          : { sender, loaded: false },
      );
      Promise.all([review.chronology(sender.personKey), review.caseFor(sender.personKey)]).then(
        ([chronology, current]) =>
          setPerson((p) =>
            p?.sender.personKey === sender.personKey
              ? { sender, chronology, current, loaded: true }
              : p,
          ),
        (e: unknown) =>
          setPerson((p) =>
            p?.sender.personKey === sender.personKey
              ? { ...p, loaded: true, error: errorText(e) }
              : p,
          ),
      );
    },
    [review],
  );

  // Opening a person moves focus (and the view) to their name: on the page the list that was
  // pressed may be far down the window, and a screen reader user hears whose record this is.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const openKey = person?.sender.personKey;
  useEffect(() => {
    if (!focusHeading.current || !openKey) return;
    focusHeading.current = false;
    heading.current?.focus();
  }, [openKey]);

  const open = (sender: Person['sender']) => {
    setTab('chronology');
    focusHeading.current = sender.personKey !== openKey;
    loadPerson(sender);
  };

  const openDue = (item: DueItem) => {
    const match =
      lists?.senders.find((s) => item.caseId && s.caseSummary?.caseId === item.caseId) ??
      lists?.senders.find((s) => s.personName === item.personName);
    if (match) open(match);
  };

  // One save at a time: a second press while the first is saving would be refused as a repeat.
  const [recordingNotice, setRecordingNotice] = useState(false);
  const recordNotice = (item: DueItem) => {
    if (!item.caseId || !item.notice || recordingNotice) return;
    setNoticeError(null);
    setRecordingNotice(true);
    review
      .recordNotice(item.caseId, item.notice)
      .then(
        (outcome) => (outcome.ok ? loadLists() : setNoticeError(outcome.message)),
        (e: unknown) => setNoticeError(errorText(e)),
      )
      .finally(() => setRecordingNotice(false));
  };

  const refreshChronology = () => {
    if (!person) return;
    const key = person.sender.personKey;
    review.chronology(key).then(
      (chronology) => setPerson((p) => (p?.sender.personKey === key ? { ...p, chronology } : p)),
      () => undefined,
    );
  };

  const onSaved = (c: RestrictionCase) => {
    setPerson((p) => (p ? { ...p, current: c } : p));
    // The decision is now part of the chronology, the ranking and the deadlines.
    refreshChronology();
    void loadLists();
  };

  const listsView = (
    <>
      {noticeError && (
        <MessageBar intent="warning" data-testid="notice-error">
          <MessageBarBody>
            {REVIEW_TEXT.notRecorded} {noticeError}
          </MessageBarBody>
        </MessageBar>
      )}
      {listError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {REVIEW_TEXT.reviewNotRead} {listError}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setListError(null);
                void loadLists();
              }}
            >
              {REVIEW_TEXT.tryAgain}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!lists && !listError && <Spinner size="small" label={REVIEW_TEXT.readingReview} />}
      {lists && (
        <>
          <DuePanel
            items={lists.due}
            onOpen={openDue}
            onRecordNotice={recordNotice}
            recordingNotice={recordingNotice}
          />
          <FlaggedSenders
            senders={lists.senders}
            today={today}
            thresholds={thresholds ?? schoolThresholds}
            selectedKey={person?.sender.personKey}
            onOpen={open}
          />
        </>
      )}
    </>
  );

  const personParts = person && (
    <>
      {!person.loaded && (
        <Spinner size="small" label={readingPersonText(person.sender.personName)} />
      )}
      {person.error && (
        <MessageBar intent="error">
          <MessageBarBody>{person.error}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => loadPerson(person.sender)}>
              {REVIEW_TEXT.tryAgain}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );

  const chronology = person?.chronology && (
    <ChronologyPanel chronology={person.chronology} review={review} now={now} />
  );
  const decisions = person?.loaded && !person.error && (
    <ActionsPanel
      review={review}
      personKey={person.sender.personKey}
      person={{ name: person.sender.personName, emails: person.sender.emails }}
      current={person.current}
      today={today}
      deciderName={user?.displayName}
      preview={previewer}
      onSaved={onSaved}
      onReload={() => loadPerson(person.sender)}
    />
  );
  const letters = person?.loaded && !person.error && (
    <LettersPanel
      review={review}
      personKey={person.sender.personKey}
      current={person.current}
      today={today}
      onDrafted={refreshChronology}
    />
  );

  if (layout === 'page') {
    return (
      <div className={styles.page} data-testid="review" data-layout="page">
        <div className={styles.side}>{listsView}</div>
        <div className={styles.person} data-testid="person">
          {person ? (
            <>
              <Text
                as="h2"
                block
                size={600}
                weight="semibold"
                className={styles.heading}
                ref={heading}
                tabIndex={-1}
              >
                {person.sender.personName}
              </Text>
              {/* Below three columns the decisions are under the chronology: a way straight there. */}
              <nav aria-label={REVIEW_TEXT.aboutPerson}>
                <ul className={styles.jump}>
                  <li>
                    <Link href="#cg-chronology-heading">{REVIEW_TEXT.chronologyTab}</Link>
                  </li>
                  <li>
                    <Link href="#cg-actions-heading">{REVIEW_TEXT.decisions}</Link>
                  </li>
                  <li>
                    <Link href="#cg-letters-heading">{REVIEW_TEXT.letters}</Link>
                  </li>
                </ul>
              </nav>
              {personParts}
              <div className={styles.personPage}>
                <div className={styles.column}>{chronology}</div>
                <div className={styles.person}>
                  {decisions}
                  {letters}
                </div>
              </div>
            </>
          ) : (
            <Text className={styles.muted}>{REVIEW_TEXT.choosePerson}</Text>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className={styles.pane} data-testid="review" data-layout="pane">
      {person ? (
        <div className={styles.person} data-testid="person">
          <div className={styles.bar}>
            <Button size="small" appearance="subtle" onClick={() => setPerson(null)}>
              {REVIEW_TEXT.allFlagged}
            </Button>
          </div>
          <Text
            as="h2"
            block
            size={500}
            weight="semibold"
            className={styles.heading}
            ref={heading}
            tabIndex={-1}
          >
            {person.sender.personName}
          </Text>
          {personParts}
          <div className={styles.bar} role="tablist" aria-label={REVIEW_TEXT.aboutPerson}>
            {(['chronology', 'decisions', 'letters'] as const).map((t) => (
              <Button
                key={t}
                size="small"
                role="tab"
                aria-selected={tab === t}
                appearance={tab === t ? 'primary' : 'subtle'}
                onClick={() => setTab(t)}
              >
                {t === 'chronology'
                  ? REVIEW_TEXT.chronologyTab
                  : t === 'decisions'
                    ? REVIEW_TEXT.decisions
                    : REVIEW_TEXT.letters}
              </Button>
            ))}
          </div>
          {tab === 'chronology' && chronology}
          {tab === 'decisions' && decisions}
          {tab === 'letters' && letters}
        </div>
      ) : (
        listsView
      )}
    </div>
  );
}
