// The send-time check (issue 12): the pure decision the OnMessageSend handler will call.
export * from './types';
export { decideSend } from './decideSend';
export {
  NOTIFICATION_MESSAGE_LIMIT,
  SMART_ALERT_MESSAGE_LIMIT,
  composeNotificationText,
  sendTimeMessage,
} from './message';
export {
  SEND_TIME_CACHE_VERSION,
  indexFromSendTimeCache,
  sendTimeCacheOf,
  type SendTimeCache,
  type SendTimeRestriction,
  type SendTimeUnreadable,
} from './cache';
export {
  CHECKED_CLEAR_KEY,
  SEND_ANYWAY_MARKER_VERSION,
  checkedClearMarker,
  parseSendAnywayMarker,
  sendAnywayCovers,
  sendAnywayMarkerFor,
  type SendAnywayMarker,
} from './sendAnyway';
