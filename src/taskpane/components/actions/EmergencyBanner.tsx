import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { urgentText } from './actionText';

/** Never block the emergency line: said prominently, above any action. */
export function EmergencyBanner({ words }: { words: readonly string[] }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="emergency-banner" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Possibly urgent or safeguarding</MessageBarTitle>
        {urgentText(words)}
      </MessageBarBody>
    </MessageBar>
  );
}
