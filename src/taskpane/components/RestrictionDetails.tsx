import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MatchedOn, Restriction } from '../../policy/types';
import {
  SENDER_CHECK_TEXT,
  formatLocalDate,
  handlingInstruction,
  matchedAddressText,
  spocText,
} from '../text';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  instruction: { fontWeight: tokens.fontWeightSemibold },
  emergency: {
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

interface Props {
  restriction: Restriction;
  matchedAddress: string;
  matchedOn: MatchedOn;
  reviewOverdue: boolean;
}

/** What staff must know to act: the instruction, never the reasons or the evidence. */
export function RestrictionDetails({
  restriction: r,
  matchedAddress,
  matchedOn,
  reviewOverdue,
}: Props) {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      <Text className={styles.instruction} as="p">
        {handlingInstruction(r.handling, r.spocName || r.spocEmail)}
      </Text>
      {matchedOn !== 'from' && (
        <Text as="p" data-testid="matched-address">
          {matchedAddressText(matchedOn, r.personName).before}
          <strong>{matchedAddress}</strong>
          {matchedAddressText(matchedOn, r.personName).after}
        </Text>
      )}
      <dl className={styles.list}>
        <Item term={SENDER_CHECK_TEXT.person}>{r.personName}</Item>
        <Item term={SENDER_CHECK_TEXT.spoc}>{spocText(r.spocName, r.spocEmail)}</Item>
        {r.staffGuidance && <Item term={SENDER_CHECK_TEXT.whatToDo}>{r.staffGuidance}</Item>}
        {r.allowedContact && (
          <Item term={SENDER_CHECK_TEXT.contactAllowed}>{r.allowedContact}</Item>
        )}
        {r.emergencyNote && (
          <div className={styles.emergency}>
            <Item term={SENDER_CHECK_TEXT.emergencies}>{r.emergencyNote}</Item>
          </div>
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
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}
