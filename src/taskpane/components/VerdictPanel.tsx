import type { ReactNode } from 'react';
import {
  Button,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CautionReason, Verdict } from '../../policy/types';
import { unavailableText } from '../text';
import { RestrictionDetails } from './RestrictionDetails';

const useStyles = makeStyles({
  panel: {
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    borderLeft: `6px solid transparent`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  restricted: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  caution: {
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  clear: {
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  unavailable: {
    borderLeftColor: tokens.colorNeutralStrokeAccessible,
  },
  title: { margin: 0 },
});

export type VerdictAttr = 'restricted' | 'caution' | 'clear' | 'unavailable' | 'checking';

interface Props {
  verdict: Verdict | null;
  onRetry: () => void;
}

/**
 * The verdict, announced to assistive technology (role="status"). `data-verdict` names the verdict
 * for tests and for anyone scripting the pane.
 */
export function VerdictPanel({ verdict, onRetry }: Props) {
  const styles = useStyles();
  if (!verdict) {
    return (
      <div role="status" data-verdict="checking" aria-busy="true" className={styles.panel}>
        <Spinner size="tiny" label="Checking the sender…" />
      </div>
    );
  }
  const frame = (kind: Verdict['kind'], title: string, body: ReactNode) => (
    <div role="status" data-verdict={kind} className={mergeClasses(styles.panel, styles[kind])}>
      <Text as="h2" size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {body}
    </div>
  );
  switch (verdict.kind) {
    case 'restricted':
      return frame(
        'restricted',
        'Restricted sender — do not reply',
        <>
          <RestrictionDetails
            restriction={verdict.restriction}
            matchedAddress={verdict.matchedAddress}
            matchedOn={verdict.matchedOn}
            reviewOverdue={verdict.reviewOverdue}
          />
          <Text as="p" size={200}>
            Only the single point of contact replies to this person. If the email raises an
            emergency or a safeguarding concern, follow the school&apos;s usual procedure as well.
          </Text>
        </>,
      );
    case 'caution':
      return frame(
        'caution',
        'Check before replying',
        <>
          {verdict.reasons.map((reason, i) => (
            <Text as="p" key={i}>
              {cautionText(reason)}
            </Text>
          ))}
          <Text as="p" size={200}>
            The address itself is not restricted. If you are unsure, ask the office manager or the
            head teacher before replying.
          </Text>
        </>,
      );
    case 'clear':
      return frame(
        'clear',
        'No contact restriction',
        <Text as="p">This sender is not under a contact restriction. Reply as usual.</Text>,
      );
    case 'unavailable':
      return frame(
        'unavailable',
        'Cannot check this sender',
        <>
          <Text as="p">{unavailableText[verdict.reason]}</Text>
          {verdict.reason !== 'noSender' && (
            <Text as="p" size={200}>
              Until the check works, do not assume the sender is clear.
            </Text>
          )}
          {verdict.reason !== 'noSender' && verdict.reason !== 'malformedMatch' && (
            <div>
              <Button appearance="primary" onClick={onRetry}>
                Try again
              </Button>
            </div>
          )}
        </>,
      );
  }
}

function cautionText(reason: CautionReason): string {
  switch (reason.kind) {
    case 'displayNameMatch':
      return `The sender's name "${reason.displayName}" matches ${reason.restrictedPersonName}, who is under a contact restriction, but the address is different. It may be the same person writing from a new address.`;
    case 'incompleteRecords':
      return `${reason.count} restriction record(s) could not be read.`;
  }
}
