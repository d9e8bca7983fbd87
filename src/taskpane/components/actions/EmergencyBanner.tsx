import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UrgencyMatch } from '../../../policy/urgency';
import { ACTION_TEXT, urgentText } from './actionText';

/**
 * Never block the emergency line (DOMAIN.md; 002 §61–62): said prominently, above any action, with
 * the email's own words that made it look urgent and what they point to. No matches: the email was
 * flagged when it was forwarded (its forward header), and the banner says that.
 */
export function EmergencyBanner({
  matches,
}: {
  matches: readonly Pick<UrgencyMatch, 'text' | 'category'>[];
}) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="emergency-banner" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{ACTION_TEXT.urgentTitle}</MessageBarTitle>
        {urgentText(matches)}
      </MessageBarBody>
    </MessageBar>
  );
}
