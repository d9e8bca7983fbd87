// The Review view (reviewers only, issue #5): the compact review in the 350 px pane, and a link to
// the full page (review.html) for reading a chronology at a desk. Loaded lazily, with its service:
// a member of staff who is not a reviewer never loads this code or its data.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailHost } from '../../host/mailHost';
import { ReviewScreen } from '../../ui/review/ReviewScreen';
import { REVIEW_TEXT } from '../../ui/review/reviewText';
import { useReviewStyles } from '../../ui/review/reviewStyles';
import { useServices } from '../../ui/services';
import { useAsync } from '../../ui/useAsync';
import { AsyncView } from '../../ui/AsyncView';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalM },
});

/** review.html beside the pane; in the workbench, signed in as the pane's user. */
export function reviewPageHref(host: Pick<MailHost, 'kind' | 'getUser'>, base?: string): string {
  const url = new URL('review.html', base ?? globalThis.location?.href ?? 'http://localhost/');
  if (host.kind === 'workbench') url.searchParams.set('as', host.getUser().emailAddress);
  return url.toString();
}

export function ReviewView() {
  const styles = useStyles();
  const reviewStyles = useReviewStyles();
  const { review: load, host } = useServices();
  const review = useAsync(load);
  const user = host.getUser();
  return (
    <div className={styles.root}>
      <Text size={200}>
        <Link
          href={reviewPageHref(host)}
          target="_blank"
          rel="noopener"
          className={reviewStyles.link}
        >
          {REVIEW_TEXT.openFullPage}
        </Link>{' '}
        {REVIEW_TEXT.readsBetterAtDesk}
      </Text>
      <AsyncView async={review} loading={REVIEW_TEXT.loadingReview} failed={REVIEW_TEXT.unloadable}>
        {(loaded) => <ReviewScreen review={loaded} layout="pane" user={user} />}
      </AsyncView>
    </div>
  );
}
