// Flagged senders, in the order the review service ranked them (threats first, then the police
// not told, an overdue review, the number of hints, recent activity): counts over 7 / 30 / 90 days,
// the behaviour headings recorded, threats, the stage, and the policies' hints with their
// references. Hints only: the decision is the head teacher's (policy 002 §44).
import { Badge, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FlaggedSender } from '../../app/review/types';
import { BEHAVIOUR_LABELS } from '../../policy/events/vocabulary';
import { DEFAULT_HINT_THRESHOLDS, summarizeSender, type HintThresholds } from '../../policy/hints';
import { STAGE_LABELS } from '../../policy/lifecycle/types';
import type { LocalDate } from '../../policy/types';
import { DISCLAIMER, REVIEW_TEXT, formatDay, openPersonLabel } from './reviewText';
import { useReviewStyles } from './reviewStyles';

const useStyles = makeStyles({
  heading: { margin: 0 },
  section: { display: 'grid', rowGap: tokens.spacingVerticalXS, '& > p': { margin: 0 } },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}` },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { fontSize: tokens.fontSizeBase400 },
  hints: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface FlaggedSendersProps {
  senders: readonly FlaggedSender[];
  today: LocalDate;
  thresholds?: HintThresholds;
  selectedKey?: string;
  onOpen: (sender: FlaggedSender) => void;
}

export function FlaggedSenders({
  senders,
  today,
  thresholds = DEFAULT_HINT_THRESHOLDS,
  selectedKey,
  onOpen,
}: FlaggedSendersProps) {
  const styles = useStyles();
  const shared = useReviewStyles();
  return (
    <section
      className={styles.section}
      aria-labelledby="cg-flagged-heading"
      data-testid="flagged-senders"
    >
      <Text
        as="h2"
        block
        size={400}
        weight="semibold"
        className={styles.heading}
        id="cg-flagged-heading"
      >
        {REVIEW_TEXT.flaggedHeading}
      </Text>
      <Text as="p" block size={200} className={styles.muted} data-testid="hint-disclaimer">
        {DISCLAIMER}
      </Text>
      {senders.length === 0 ? (
        <Text as="p">{REVIEW_TEXT.noEvents}</Text>
      ) : (
        <ol className={styles.list}>
          {senders.map((s) => {
            const summary = summarizeSender(s.activity, today, thresholds);
            const stage = s.caseSummary?.stageLabel ?? STAGE_LABELS[s.activity.stage];
            return (
              <li
                key={s.personKey}
                data-testid="flagged-sender"
                data-person={s.personKey}
                className={mergeClasses(
                  styles.item,
                  s.personKey === selectedKey && styles.selected,
                )}
              >
                <div className={styles.head}>
                  <Link
                    as="button"
                    className={mergeClasses(shared.nameLink, styles.name)}
                    onClick={() => onOpen(s)}
                    aria-label={openPersonLabel(s.personName)}
                    aria-current={s.personKey === selectedKey ? 'true' : undefined}
                  >
                    {s.personName}
                  </Link>
                  <Badge
                    appearance="tint"
                    color="informative"
                    className={shared.badge}
                    data-testid="stage"
                  >
                    {stage}
                  </Badge>
                  {summary.threats && (
                    <Badge
                      appearance="filled"
                      color="danger"
                      className={shared.badge}
                      data-testid="threats"
                    >
                      {REVIEW_TEXT.threatsRecorded}
                    </Badge>
                  )}
                  {s.caseSummary?.overdue && (
                    <Badge
                      appearance="filled"
                      color="danger"
                      className={shared.badge}
                      data-testid="sender-overdue"
                    >
                      {REVIEW_TEXT.overdue}
                    </Badge>
                  )}
                </div>
                <Text size={200} block data-testid="counts">
                  {REVIEW_TEXT.contactsLead} <strong>{summary.counts.last7}</strong>{' '}
                  {REVIEW_TEXT.in7Days} · <strong>{summary.counts.last30}</strong>{' '}
                  {REVIEW_TEXT.in30Days} · <strong>{summary.counts.last90}</strong>{' '}
                  {REVIEW_TEXT.in90Days}
                </Text>
                {summary.behaviours.length > 0 && (
                  <Text size={200} className={styles.muted}>
                    {summary.behaviours.map((b) => BEHAVIOUR_LABELS[b]).join(' · ')}
                  </Text>
                )}
                {summary.threats && !summary.policeNotTold && (
                  // When they were not told, the first hint says so (report threats to the police).
                  <Text size={200} data-testid="police">
                    {REVIEW_TEXT.policeTold}
                  </Text>
                )}
                {s.caseSummary?.nextDue && (
                  <Text size={200}>
                    {s.caseSummary.overdue ? REVIEW_TEXT.wasDue : REVIEW_TEXT.nextDue}:{' '}
                    {formatDay(s.caseSummary.nextDue)}
                  </Text>
                )}
                {summary.hints.length > 0 && (
                  <ul className={styles.hints} data-testid="hints">
                    {summary.hints.map((h) => (
                      <li key={h.kind}>
                        <Text size={200}>{h.message}</Text>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
