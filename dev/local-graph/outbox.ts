// Asynchronous send, as Exchange Online does it behind Graph's `send` and `forward` (202 Accepted):
// the message waits in the Outbox and only after a while is it sent: its Sent Items copy appears
// and it is delivered. "Getting the message in Sent Items might not succeed immediately after
// sending the message. The copy of the message isn't created until the message is successfully
// sent, which can take some time." (https://learn.microsoft.com/graph/outlook-immutable-id)
// The delay is `Behaviours.sendDelayMs`.
//
// Timers are unref'd (a pending send never keeps the process alive); a reset() builds new
// mailboxes, and a send still pending then completes into the old ones, out of sight.

/** Runs `complete` after `delayMs`; 0 still waits for the next turn (never inside the request). */
export function scheduleSend(delayMs: number, complete: () => void): void {
  const timer = setTimeout(complete, Math.max(0, delayMs));
  timer.unref();
}
