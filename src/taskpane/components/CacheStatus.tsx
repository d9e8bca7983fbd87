import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SENDER_CHECK_TEXT, refreshedText, skippedText } from '../text';

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
          {skippedText(unreadableCount)} {SENDER_CHECK_TEXT.tellSomeone}
        </Text>
      )}
      <div className={styles.row}>
        <Text size={200} data-testid="refreshed-at">
          {refreshedAt ? refreshedText(refreshedAt) : SENDER_CHECK_TEXT.notYetRead}
        </Text>
        <Button size="small" appearance="subtle" onClick={onRefresh}>
          {SENDER_CHECK_TEXT.refresh}
        </Button>
      </div>
    </>
  );
}
