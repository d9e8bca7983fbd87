import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Restriction } from '../../policy/types';
import { SENDER_CHECK_TEXT, formatLocalDate, spocText } from '../text';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  emergency: {
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

interface Props {
  restriction: Restriction;
  reviewOverdue: boolean;
  /** The closing note (who answers this person; emergencies). */
  note: string;
}

/**
 * The restricted verdict's "Details": what is allowed, the emergency arrangements, what staff
 * should do, the dates. The instruction, never the reasons or the evidence. The top of the verdict
 * has already said what to do with this email and who the single point of contact is.
 */
export function RestrictionDetails({ restriction: r, reviewOverdue, note }: Props) {
  const styles = useStyles();
  // Each term and its definition in one <div>, directly inside the <dl> (HTML allows exactly
  // that wrapper; axe's definition-list and dlitem rules reject any other, such as a styled div
  // around a group, issue 13).
  return (
    <div className={styles.list}>
      <dl className={styles.list}>
        <Item term={SENDER_CHECK_TEXT.person}>{r.personName}</Item>
        <Item term={SENDER_CHECK_TEXT.spoc}>{spocText(r.spocName, r.spocEmail)}</Item>
        {r.staffGuidance && <Item term={SENDER_CHECK_TEXT.whatToDo}>{r.staffGuidance}</Item>}
        {r.allowedContact && (
          <Item term={SENDER_CHECK_TEXT.contactAllowed}>{r.allowedContact}</Item>
        )}
        {r.emergencyNote && (
          <Item term={SENDER_CHECK_TEXT.emergencies} className={styles.emergency}>
            {r.emergencyNote}
          </Item>
        )}
        <Item term={SENDER_CHECK_TEXT.ends}>{formatLocalDate(r.endDate)}</Item>
        {r.reviewDate && (
          <Item term={SENDER_CHECK_TEXT.review}>
            {formatLocalDate(r.reviewDate)}{' '}
            {reviewOverdue && (
              <Badge color="warning" appearance="filled" data-testid="review-overdue">
                {SENDER_CHECK_TEXT.reviewOverdue}
              </Badge>
            )}
          </Item>
        )}
      </dl>
      {r.status === 'Provisional' && (
        <Text as="p" size={200}>
          {SENDER_CHECK_TEXT.provisional}
        </Text>
      )}
      <Text as="p" size={200}>
        {note}
      </Text>
    </div>
  );
}

function Item({
  term,
  className,
  children,
}: {
  term: string;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(className)}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}
