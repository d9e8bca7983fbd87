// The real Office.js type satisfies the sign-in interface (a compile-time check, run by tsc), and
// so does a plain object such as the workbench's facade.
import type { OfficeSignInApi } from '../../../src/auth/officeSignInApi';

export function officeIsASignInApi(office: typeof Office): OfficeSignInApi {
  return office;
}

it('can be satisfied by a plain object that is not Office.js', () => {
  const facade: OfficeSignInApi = {
    context: {
      requirements: { isSetSupported: () => false },
      ui: { displayDialogAsync: () => undefined },
    },
    EventType: { DialogMessageReceived: 'm', DialogEventReceived: 'e' },
  };
  expect(facade.context.requirements.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
});
