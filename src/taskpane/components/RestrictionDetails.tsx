import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MatchedOn, Restriction } from '../../policy/types';
import { formatLocalDate, handlingInstruction, matchedOnText } from '../text';

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
          The {matchedOnText[matchedOn]} <strong>{matchedAddress}</strong> belongs to {r.personName}
          , who is under a contact restriction.
        </Text>
      )}
      <dl className={styles.list}>
        <Item term="Person">{r.personName}</Item>
        <Item term="Single point of contact">
          {r.spocName ? `${r.spocName} (${r.spocEmail})` : r.spocEmail}
        </Item>
        {r.staffGuidance && <Item term="What to do">{r.staffGuidance}</Item>}
        {r.allowedContact && <Item term="Contact allowed">{r.allowedContact}</Item>}
        {r.emergencyNote && (
          <div className={styles.emergency}>
            <Item term="Emergencies and statutory contact">{r.emergencyNote}</Item>
          </div>
        )}
        <Item term="Ends">{formatLocalDate(r.endDate)}</Item>
        {r.reviewDate && (
          <Item term="Review">
            {formatLocalDate(r.reviewDate)}{' '}
            {reviewOverdue && (
              <Badge color="warning" appearance="filled" data-testid="review-overdue">
                review overdue
              </Badge>
            )}
          </Item>
        )}
      </dl>
      {r.status === 'Provisional' && (
        <Text as="p" size={200}>
          This restriction is provisional until the chair of governors confirms it. It applies now.
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
