// The event handlers' entry (issue 12). To be built: OnMessageSend, OnNewMessageCompose and
// OnMessageRecipientsChanged, associated with Office.actions.associate.
export {};
