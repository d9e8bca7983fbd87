// The workbench's stand-in for Office.js in the event handlers' runtime (launchevent.html in the
// workbench build). To be built (issue 12): Office.actions.associate, the compose item's
// recipients, notifications and session data, and OfficeRuntime.storage, as Office.js documents
// them, answered by the workbench page's compose surface.
export {};
