import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { VerdictPanel } from '../../src/taskpane/components/VerdictPanel';
import type { Restriction, Verdict } from '../../src/policy/types';

const restriction: Restriction = {
  id: '7',
  personName: "Mary O'Brien",
  emails: ['m.obrien@example.org'],
  status: 'Active',
  startDate: '2026-09-01',
  endDate: '2027-01-31',
  reviewDate: '2026-11-01',
  handling: 'ForwardAndFile',
  spocName: 'Jo Bursar',
  spocEmail: 'business.manager@oakfield.sch.uk',
  allowedContact: 'Email to the business manager only; phone Tuesdays 2–3pm.',
  staffGuidance: 'Do not reply. Forward to the business manager.',
  emergencyNote: 'In an emergency she may phone the school office.',
};

function show(verdict: Verdict | null, onRetry = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <VerdictPanel verdict={verdict} onRetry={onRetry} />
    </FluentProvider>,
  );
  return { status: screen.getByRole('status'), onRetry };
}

describe('VerdictPanel', () => {
  it('restricted: the instruction, the SPOC, guidance, emergency note and dates', () => {
    const { status } = show({
      kind: 'restricted',
      restriction,
      matchedAddress: 'm.obrien@example.org',
      matchedOn: 'from',
      reviewOverdue: true,
    });
    expect(status.getAttribute('data-verdict')).toBe('restricted');
    expect(status.textContent).toContain('do not reply');
    expect(status.textContent).toContain('Forward this email to Jo Bursar, then file it');
    expect(status.textContent).toContain('business.manager@oakfield.sch.uk');
    expect(status.textContent).toContain(restriction.staffGuidance);
    expect(status.textContent).toContain(restriction.allowedContact);
    expect(status.textContent).toContain(restriction.emergencyNote);
    expect(status.textContent).toContain('31 January 2027');
    expect(screen.getByTestId('review-overdue')).toBeTruthy();
  });

  it('restricted through Reply-To names the matching address', () => {
    show({
      kind: 'restricted',
      restriction,
      matchedAddress: 'm.obrien@example.org',
      matchedOn: 'replyTo',
      reviewOverdue: false,
    });
    expect(screen.getByTestId('matched-address').textContent).toContain(
      'Reply-To address m.obrien@example.org',
    );
    expect(screen.queryByTestId('review-overdue')).toBeNull();
  });

  it('caution: says which name matched and that the address did not', () => {
    const { status } = show({
      kind: 'caution',
      reasons: [
        {
          kind: 'displayNameMatch',
          restrictedPersonName: "Mary O'Brien",
          displayName: 'Mary OBrien',
        },
      ],
    });
    expect(status.getAttribute('data-verdict')).toBe('caution');
    expect(status.textContent).toContain('"Mary OBrien"');
    expect(status.textContent).toContain('address is different');
  });

  it('clear', () => {
    const { status } = show({ kind: 'clear' });
    expect(status.getAttribute('data-verdict')).toBe('clear');
    expect(status.textContent).toContain('No contact restriction');
  });

  it('cannot check: a plain reason, a warning not to assume clear, and a retry', () => {
    const { status, onRetry } = show({ kind: 'unavailable', reason: 'offline' });
    expect(status.getAttribute('data-verdict')).toBe('unavailable');
    expect(status.textContent).toContain('cannot reach Microsoft 365');
    expect(status.textContent).toContain('do not assume the sender is clear');
    expect(status.textContent).not.toContain('No contact restriction');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('issue 14 item 7: cannot check a record of this sender says what to do, with no retry', () => {
    const { status } = show({ kind: 'unavailable', reason: 'malformedMatch' });
    expect(status.getAttribute('data-verdict')).toBe('unavailable');
    expect(status.textContent).toContain('Treat this email as from a restricted person');
    expect(status.textContent).toContain('ask the head teacher');
    expect(status.textContent).not.toContain('No contact restriction');
    // Trying again cannot mend a record: someone has to correct it.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('while checking, says so and claims no verdict', () => {
    const { status } = show(null);
    expect(status.getAttribute('data-verdict')).toBe('checking');
    expect(status.getAttribute('aria-busy')).toBe('true');
  });
});
