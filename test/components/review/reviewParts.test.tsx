// Smaller parts of the review (the deadline preview is the service's: see
// test/integration/review/decisionPreview.test.ts): the redaction of names, the decision form's transition, the suggested letter and
// the link from the pane to the full page.
import { redactNames } from '../../../src/policy/chronology';
import {
  buildTransition,
  initialFormState,
  formParts,
} from '../../../src/ui/review/transitionForm';
import { suggestedLetter } from '../../../src/ui/review/LettersPanel';
import { reviewPageHref } from '../../../src/taskpane/views/ReviewView';
import { conflictText } from '../../../src/ui/review/ActionsPanel';
import { warnedCase } from './fakeReviewService';
import { checkTerms } from '../../../src/policy/lifecycle/terms';
import { ADDRESS_ENTRY_MESSAGES } from '../../../src/policy/addressEntry';

describe('redactNames', () => {
  it('replaces whole names in any case, longest first, and leaves other words alone', () => {
    expect(
      redactNames('Mrs Okafor and mr bell heard it; Okaforson did not.', [
        'Mr Bell',
        'Mrs Okafor',
        'Okafor',
      ]),
    ).toBe('[name withheld] and [name withheld] heard it; Okaforson did not.');
    expect(redactNames('Nothing (here).', ['', ' '])).toBe('Nothing (here).');
  });
});

describe('the decision form', () => {
  it('builds an end-of-term extension with the review plan chosen', () => {
    const state = {
      ...initialFormState(undefined, '2026-03-16', 'Helen Marsh'),
      duration: 'summer' as const,
      reviewPlan: 'termly' as const,
      reasons: ' Still needed ',
    };
    expect(buildTransition('extend', state)).toEqual({
      kind: 'extend',
      decidedBy: { name: 'Helen Marsh', role: 'headTeacher' },
      reasons: 'Still needed',
      duration: { kind: 'endOfTerm', term: 'summer' },
      reviewPlan: 'termly',
    });
  });

  it("003 Level 3: representations carry the date on the parent's letter when given", () => {
    const state = {
      ...initialFormState(undefined, '2026-03-16', 'Helen Marsh'),
      reasons: 'Letter received',
      receivedOn: '2026-03-16',
    };
    expect(formParts('recordRepresentations').letterDate).toBe(true);
    expect(formParts('recordAppeal').letterDate).toBe(false);
    expect(buildTransition('recordRepresentations', state)).toEqual({
      kind: 'recordRepresentations',
      decidedBy: { name: 'Helen Marsh', role: 'headTeacher' },
      reasons: 'Letter received',
      receivedOn: '2026-03-16',
    });
    expect(
      buildTransition('recordRepresentations', { ...state, letterDate: '2026-03-12' }),
    ).toMatchObject({ receivedOn: '2026-03-16', letterDate: '2026-03-12' });
  });

  it('starts a variation from the terms in force', () => {
    const c = warnedCase();
    c.restriction = {
      terms: {
        terms: [{ kind: 'emailOnly' }, { kind: 'other', detail: 'No filming' }],
        spoc: { name: 'Priya Shah', email: 'pm@oakfield.sch.uk' },
      },
      duration: { kind: 'months', months: 6 },
      reviewPlan: 'sixMonths',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      reviewDate: '2026-08-31',
      imposedOn: '2026-03-01',
    };
    const t = buildTransition('vary', initialFormState(c, '2026-03-16'));
    expect(t.kind === 'vary' && t.terms).toEqual({
      terms: [{ kind: 'emailOnly' }, { kind: 'other', detail: 'No filming' }],
      spoc: { name: 'Priya Shah', email: 'pm@oakfield.sch.uk' },
    });
  });
});

describe('the decision form: the single point of contact pasted from Outlook (issue 13 item 10)', () => {
  // DOMAIN.md "Matching a sender": addresses compare whole and case-insensitively, so the SPOC
  // saved is the plain address, however Outlook or a full-width keyboard gave it.
  const vary = (spocName: string, spocEmail: string) => {
    const c = warnedCase();
    c.restriction = {
      terms: { terms: [{ kind: 'emailOnly' }], spoc: { name: '', email: '' } },
      duration: { kind: 'months', months: 6 },
      reviewPlan: 'sixMonths',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      reviewDate: '2026-08-31',
      imposedOn: '2026-03-01',
    };
    const t = buildTransition('vary', {
      ...initialFormState(c, '2026-03-16'),
      spocName,
      spocEmail,
    });
    return t.kind === 'vary' ? t.terms.spoc : undefined;
  };

  it('reads "Surname, First" <address> as the address, and its name fills an empty name box', () => {
    expect(vary('', '"Shah, Priya" <Business.Manager@oakfield.sch.uk>')).toEqual({
      name: 'Shah, Priya',
      email: 'business.manager@oakfield.sch.uk',
    });
    expect(vary('Priya Shah', 'mailto:business.manager@oakfield.sch.uk')).toEqual({
      name: 'Priya Shah',
      email: 'business.manager@oakfield.sch.uk',
    });
    expect(vary('Priya Shah', 'ｂｍ＠ｏａｋｆｉｅｌｄ．ｓｃｈ．ｕｋ')).toEqual({
      name: 'Priya Shah',
      email: 'bm@oakfield.sch.uk',
    });
  });

  it('passes a look-alike on as typed, and the lifecycle rules refuse it (001 h, 002 §55)', () => {
    const spoc = vary('Priya Shah', ' bm@оakfield.sch.uk ');
    expect(spoc).toEqual({ name: 'Priya Shah', email: 'bm@оakfield.sch.uk' });
    expect(checkTerms({ terms: [{ kind: 'emailOnly' }], spoc: spoc! })).toEqual([
      ADDRESS_ENTRY_MESSAGES.lookAlike,
    ]);
    // What the form reads down to its address is accepted as it stands.
    const pasted = vary('', '"Shah, Priya" <Business.Manager@oakfield.sch.uk>');
    expect(checkTerms({ terms: [{ kind: 'emailOnly' }], spoc: pasted! })).toEqual([]);
  });
});

describe('letters and links', () => {
  it('suggests the letter that goes with the stage', () => {
    expect(suggestedLetter(undefined)).toBe('warning');
    const c = warnedCase();
    c.stage = 'provisional';
    c.restriction = {
      terms: { terms: [{ kind: 'premisesBan' }], spoc: { name: 'A', email: 'a@b.uk' } },
      duration: { kind: 'months', months: 3 },
      reviewPlan: 'atEnd',
      startDate: '2026-03-16',
      endDate: '2026-06-15',
      reviewDate: '2026-06-15',
      imposedOn: '2026-03-16',
    };
    expect(suggestedLetter(c)).toBe('banPendingReview');
    c.stage = 'overturned';
    expect(suggestedLetter(c)).toBe('overturn');
  });

  it("opens review.html as the pane's user in the workbench only", () => {
    const user = () => ({ displayName: 'Helen Marsh', emailAddress: 'head@oakfield.sch.uk' });
    expect(
      reviewPageHref(
        { kind: 'workbench', getUser: user },
        'http://127.0.0.1:3000/taskpane.html?host=workbench',
      ),
    ).toBe('http://127.0.0.1:3000/review.html?as=head%40oakfield.sch.uk');
    expect(
      reviewPageHref({ kind: 'office', getUser: user }, 'https://cg.school.uk/taskpane.html'),
    ).toBe('https://cg.school.uk/review.html');
  });

  it('says who changed the case and when, or that someone else did', () => {
    expect(conflictText({})).toContain('changed by someone else');
  });
});

describe('signing in on review.html', () => {
  it('uses the local service as the named user in the workbench, and says so when no user is named', async () => {
    const { createBrowserTokenProvider } = await import('../../../src/auth/createTokenProvider');
    const { loadConfig } = await import('../../../src/config/appConfig');
    const { SignInRequiredError } = await import('../../../src/auth/tokenProvider');
    const local = { ...loadConfig(), auth: { ...loadConfig().auth, mode: 'local' as const } };
    await expect(
      createBrowserTokenProvider(local, 'head@oakfield.sch.uk').getAccessToken(),
    ).resolves.toBe('local:head@oakfield.sch.uk');
    await expect(createBrowserTokenProvider(local).getAccessToken()).rejects.toBeInstanceOf(
      SignInRequiredError,
    );
    const unconfigured = {
      ...local,
      auth: { ...local.auth, mode: 'msal' as const, clientId: '' },
    };
    await expect(
      createBrowserTokenProvider(unconfigured, 'head@oakfield.sch.uk').getAccessToken(),
    ).rejects.toThrow('Sign-in is not configured');
  });
});
