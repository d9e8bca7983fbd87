import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatInstant } from '../text';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

interface Props {
  refreshedAt?: string;
  unreadableCount: number;
  onRefresh: () => void;
}

/** When the restrictions were last read, and whether any record could not be read. */
export function CacheStatus({ refreshedAt, unreadableCount, onRefresh }: Props) {
  const styles = useStyles();
  return (
    <>
      {unreadableCount > 0 && (
        <Text as="p" size={200} className={styles.warning} data-testid="unreadable-warning">
          {unreadableCount === 1
            ? '1 restriction record is incomplete and was skipped.'
            : `${unreadableCount} restriction records are incomplete and were skipped.`}{' '}
          Tell the head teacher or the office manager so it can be corrected.
        </Text>
      )}
      <div className={styles.row}>
        <Text size={200} data-testid="refreshed-at">
          {refreshedAt
            ? `Restrictions updated ${formatInstant(refreshedAt)}`
            : 'Restrictions not yet read'}
        </Text>
        <Button size="small" appearance="subtle" onClick={onRefresh}>
          Refresh
        </Button>
      </div>
    </>
  );
}
