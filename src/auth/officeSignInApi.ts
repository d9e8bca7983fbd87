// The part of Office.js that sign-in uses, and nothing more: the real Office global satisfies it,
// and so can the workbench's own Office facade (or a test's), which is not Office.js.

/** What Office passes to a dialog's handlers: a message from the page, or an event code. */
export type DialogHandlerArgs = { message: string; origin: string | undefined } | { error: number };

export interface SignInDialog {
  /**
   * The event is one of OfficeSignInApi.EventType's values. Typed `never` here because Office.js
   * types it as its own Office.EventType enum and a facade as a string: only `never` lets both
   * satisfy this interface, so callers pass the value `as never`.
   */
  addEventHandler(eventType: never, handler: (args: DialogHandlerArgs) => void): void;
  close(): void;
}

export interface SignInDialogOpenResult {
  /** 'succeeded' or 'failed' (Office.AsyncResultStatus). */
  status: unknown;
  value: SignInDialog;
  error?: { code: number };
}

/** The account Outlook is signed in with (Office.auth.getAuthContext, NestedAppAuth 1.1). */
export interface OfficeAuthContext {
  userPrincipalName: string;
  tenantId: string;
  userObjectId: string;
  loginHint?: string;
}

export interface OfficeSignInApi {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: {
      displayDialogAsync(
        startAddress: string,
        options: { height: number; width: number },
        callback: (result: SignInDialogOpenResult) => void,
      ): void;
    };
  };
  /** Office.js declares these as an enum without values (strings at run time): hence unknown. */
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
  auth?: { getAuthContext?(): Promise<OfficeAuthContext> };
}

/** The Office global, when the page loaded Office.js. */
export function officeGlobal(): OfficeSignInApi | undefined {
  return (globalThis as unknown as { Office?: OfficeSignInApi }).Office;
}
