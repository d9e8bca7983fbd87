// What falls due in the next 14 days and what is late, across every case. A restriction past its
// review date is listed as late, never silently kept (DOMAIN.md: fair to the parent).
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DueItem } from '../../policy/lifecycle/due';
import {
  REVIEW_TEXT,
  dueSummaryText,
  dueWhenText,
  noticeButtonText,
  sinceText,
} from './reviewText';
import { useReviewStyles } from './reviewStyles';

const useStyles = makeStyles({
  heading: { margin: 0 },
  section: { display: 'grid', rowGap: tokens.spacingVerticalXS, '& > p': { margin: 0 } },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  item: { display: 'grid', rowGap: '2px', minWidth: 0 },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  // The record button's words are long: they wrap inside the button rather than widen the column.
  wrapButton: { maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function DuePanel({
  items,
  onOpen,
  onRecordNotice,
  recordingNotice = false,
}: {
  items: readonly DueItem[];
  /** Opens the person whose case this is, when the item can be matched to one. */
  onOpen?: (item: DueItem) => void;
  /** Records that the chair was told (the item then leaves the list). */
  onRecordNotice?: (item: DueItem) => void;
  /** A record is being saved: the buttons wait for it. */
  recordingNotice?: boolean;
}) {
  const styles = useStyles();
  const shared = useReviewStyles();
  const late = items.filter((i) => i.state === 'late').length;
  return (
    <section className={styles.section} aria-labelledby="cg-due-heading" data-testid="due-panel">
      <Text
        as="h2"
        block
        size={400}
        weight="semibold"
        className={styles.heading}
        id="cg-due-heading"
      >
        {REVIEW_TEXT.dueHeading}
      </Text>
      <Text as="p" block size={200} className={styles.muted}>
        {dueSummaryText(items.length, late)}
      </Text>
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item, i) => (
            <li
              key={`${item.caseId ?? item.personName}|${item.kind}|${i}`}
              className={styles.item}
              data-testid="due-item"
              data-state={item.state}
              data-kind={item.kind}
            >
              <div className={styles.line}>
                <Badge
                  appearance="filled"
                  color={item.state === 'late' ? 'danger' : 'warning'}
                  className={shared.badge}
                  data-testid="due-state"
                >
                  {item.state === 'late' ? REVIEW_TEXT.overdue : REVIEW_TEXT.due}
                </Badge>
                {onOpen ? (
                  <Link as="button" className={shared.nameLink} onClick={() => onOpen(item)}>
                    {item.personName}
                  </Link>
                ) : (
                  <Text weight="semibold">{item.personName}</Text>
                )}
              </div>
              <Text size={200}>{item.label}</Text>
              {item.since && (
                <Text size={200} className={styles.muted} data-testid="due-since">
                  {sinceText(item.since)}
                </Text>
              )}
              <Text size={200} className={styles.muted}>
                {dueWhenText(item)}
              </Text>
              {onRecordNotice && item.notice && item.caseId && (
                <div>
                  <Button
                    size="small"
                    className={styles.wrapButton}
                    data-testid="due-record-notice"
                    disabled={recordingNotice}
                    onClick={() => onRecordNotice(item)}
                  >
                    {noticeButtonText(item.notice.to)}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
