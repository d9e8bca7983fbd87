// The dark and high-contrast themes, loaded only when Outlook uses one (most staff use light):
// each Fluent theme is a few kilobytes of tokens the pane should not fetch for nothing.
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
