// The verdict on the open email's sender (issue 13, items 1–3 and 5): a compact top (icon,
// heading, one line of what to do, the actions), the rest under a collapsed "Details"; "do not
// reply" said once; clear with a note; "cannot check" as a warning; each verdict told apart by its
// icon, words and border, and said once in the pane's one live region.
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { VerdictPanel } from '../../src/taskpane/components/VerdictPanel';
import { AnnouncerProvider } from '../../src/taskpane/components/Announcer';
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

function show(
  verdict: Verdict | null,
  onRetry = jest.fn(),
  extra: { acted?: boolean; viewerIsSpoc?: boolean } = {},
) {
  const { container, rerender } = render(
    <FluentProvider theme={webLightTheme}>
      <AnnouncerProvider>
        <VerdictPanel verdict={verdict} onRetry={onRetry} {...extra} />
      </AnnouncerProvider>
    </FluentProvider>,
  );
  const status = container.querySelector<HTMLElement>('[data-verdict]')!;
  return { status, onRetry, container, rerender };
}

const announced = () => screen.getByTestId('announcer').textContent;
const countOf = (text: string, word: RegExp) => (text.match(word) ?? []).length;

describe('VerdictPanel', () => {
  it('restricted: the top says do not reply once, the SPOC and the instruction; the rest is under Details', () => {
    const { status, container } = show({
      kind: 'restricted',
      restriction,
      matchedAddress: 'm.obrien@example.org',
      matchedOn: 'from',
      reviewOverdue: true,
    });
    expect(status.getAttribute('data-verdict')).toBe('restricted');
    // The top: heading, SPOC, one line of what to do.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Restricted sender — do not reply',
    );
    expect(screen.getByRole('region', { name: 'Restricted sender — do not reply' })).toBe(status);
    expect(screen.getByTestId('verdict-spoc').textContent).toBe(
      'Single point of contact: Jo Bursar',
    );
    expect(screen.getByTestId('instruction').textContent).toBe(
      'Forward this email to Jo Bursar, then file it.',
    );
    // Said once, in the top (the staff guidance is the list's own words, in Details).
    expect(countOf(status.textContent ?? '', /do not reply/gi)).toBe(1);
    for (const detail of [restriction.allowedContact, restriction.emergencyNote, '31 January 2027'])
      expect(status.textContent).not.toContain(detail);
    // Details: collapsed, and holds the rest.
    const details = screen.getByTestId('verdict-details') as HTMLDetailsElement;
    expect(details.tagName).toBe('DETAILS');
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Details');
    expect(details.textContent).toContain('Jo Bursar (business.manager@oakfield.sch.uk)');
    expect(details.textContent).toContain(restriction.staffGuidance);
    expect(details.textContent).toContain(restriction.allowedContact);
    expect(details.textContent).toContain(restriction.emergencyNote);
    expect(details.textContent).toContain('31 January 2027');
    expect(screen.getByTestId('review-overdue')).toBeTruthy();
    // A valid definition list (axe: definition-list, dlitem): only <div> groups of dt/dd under dl.
    const dl = container.querySelector('dl')!;
    for (const child of Array.from(dl.children)) {
      expect(child.tagName).toBe('DIV');
      expect(Array.from(child.children).map((c) => c.tagName)).toEqual(['DT', 'DD']);
    }
    // An icon that is not read out, and the heading and instruction said once in the live region.
    expect(status.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(announced()).toBe(
      'Restricted sender — do not reply. Forward this email to Jo Bursar, then file it.',
    );
    expect(status.getAttribute('role')).toBeNull();
  });

  it('restricted, once acted on: the instruction line gives way to what was done', () => {
    show(
      {
        kind: 'restricted',
        restriction,
        matchedAddress: 'm.obrien@example.org',
        matchedOn: 'from',
        reviewOverdue: false,
      },
      jest.fn(),
      { acted: true },
    );
    expect(screen.queryByTestId('instruction')).toBeNull();
    expect(screen.getByTestId('verdict-spoc')).toBeTruthy();
  });

  it('restricted, read by its single point of contact: their heading and what to do, not "do not reply" or "forward to" themselves', () => {
    const { status } = show(
      {
        kind: 'restricted',
        restriction,
        matchedAddress: 'm.obrien@example.org',
        matchedOn: 'from',
        reviewOverdue: false,
      },
      jest.fn(),
      { viewerIsSpoc: true },
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      "Restricted correspondence from Mary O'Brien",
    );
    // What to do is the SPOC's triage under the top; said, once, in the live region.
    expect(screen.queryByTestId('instruction')).toBeNull();
    expect(announced()).toBe(
      "Restricted correspondence from Mary O'Brien. You are the single point of contact: read it, then say below whether it raises a new issue.",
    );
    expect(status.textContent).not.toMatch(/do not reply|forward this email/i);
    expect(status.getAttribute('data-verdict')).toBe('restricted');
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
    expect(status.getAttribute('data-note')).toBeNull();
    expect(status.textContent).toContain('No contact restriction');
    expect(status.textContent).toContain('Reply as usual');
    expect(announced()).toBe(
      'No contact restriction. This sender is not under a contact restriction. Reply as usual.',
    );
  });

  it('clear with a warning on file: the guidance and the date, never a restriction', () => {
    const { status } = show({
      kind: 'clear',
      notes: [
        {
          kind: 'warning',
          personName: 'Janet Moss',
          date: '2026-11-19',
          guidance: 'Reply as normal, keep replies factual.',
        },
      ],
    });
    expect(status.getAttribute('data-verdict')).toBe('clear');
    expect(status.getAttribute('data-note')).toBe('warning');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'No contact restriction — warning on file',
    );
    expect(status.textContent).toContain(
      'Janet Moss was given a written warning on 19 November 2026',
    );
    expect(status.textContent).toContain(
      'Guidance for staff: Reply as normal, keep replies factual.',
    );
    expect(status.textContent).not.toMatch(/do not reply|restricted sender/i);
  });

  it('clear with a restriction that starts later: the day it starts and its guidance', () => {
    const { status } = show({
      kind: 'clear',
      notes: [
        {
          kind: 'startsLater',
          personName: 'Craig Benson',
          date: '2026-12-10',
          guidance: 'From the start date, forward his email.',
        },
      ],
    });
    expect(status.getAttribute('data-note')).toBe('startsLater');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'No contact restriction yet',
    );
    expect(status.textContent).toContain(
      'A contact restriction for Craig Benson starts on 10 December 2026. Until then, reply as usual',
    );
    expect(status.textContent).toContain('From the start date, forward his email.');
  });

  it('clear with notes: "the guidance below" only when there is some; the warning leads and is what is said', () => {
    show({
      kind: 'clear',
      notes: [
        { kind: 'startsLater', personName: 'Craig Benson', date: '2026-12-10', guidance: '' },
        { kind: 'warning', personName: 'Craig Benson', date: '2026-11-19', guidance: ' ' },
      ],
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'No contact restriction — warning on file',
    );
    const notes = screen.getAllByTestId('clear-note').map((n) => n.textContent);
    expect(notes).toEqual([
      'A contact restriction for Craig Benson starts on 10 December 2026. Until then, reply as usual; from that day, the restriction applies.',
      'Craig Benson was given a written warning on 19 November 2026. Nothing is restricted: reply as usual.',
    ]);
    expect(announced()).toBe(
      'No contact restriction — warning on file. Craig Benson was given a written warning on 19 November 2026. Nothing is restricted: reply as usual.',
    );
  });

  it('each verdict has its own icon, heading and border style (not colour alone)', () => {
    const looks = new Map<string, string>();
    const verdicts: Verdict[] = [
      {
        kind: 'restricted',
        restriction,
        matchedAddress: 'm.obrien@example.org',
        matchedOn: 'from',
        reviewOverdue: false,
      },
      { kind: 'caution', reasons: [] },
      { kind: 'clear' },
      {
        kind: 'clear',
        notes: [{ kind: 'warning', personName: 'A', date: '2026-01-01', guidance: '' }],
      },
      { kind: 'unavailable', reason: 'offline' },
    ];
    for (const verdict of verdicts) {
      const { status, container } = show(verdict);
      const icon = status.querySelector('svg')!.innerHTML;
      const heading = status.querySelector('h2')!.textContent!;
      looks.set(`${icon}|${heading}`, status.className);
      container.remove();
    }
    expect(looks.size).toBe(verdicts.length);
    expect(new Set(looks.values()).size).toBe(verdicts.length);
  });

  it('cannot check: a plain reason, a warning not to assume clear, and a retry', () => {
    const { status, onRetry } = show({ kind: 'unavailable', reason: 'offline' });
    expect(status.getAttribute('data-verdict')).toBe('unavailable');
    expect(status.textContent).toContain('cannot reach Microsoft 365');
    expect(status.textContent).toContain('do not assume the sender is clear');
    expect(status.textContent).not.toContain('No contact restriction');
    // A warning, with its instruction first (never a calm grey "unknown").
    expect(status.querySelector('p')?.textContent).toBe(
      'Until the check works, do not assume the sender is clear.',
    );
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

  it('while checking, says so and claims no verdict (and announces nothing)', () => {
    const { status } = show(null);
    expect(status.getAttribute('data-verdict')).toBe('checking');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(announced()).toBe('');
  });

  it('the live region says a verdict once: a background refresh with the same verdict is silent', () => {
    const verdict: Verdict = { kind: 'clear' };
    const { rerender } = show(verdict);
    const first = screen.getByTestId('announcer').innerHTML;
    rerender(
      <FluentProvider theme={webLightTheme}>
        <AnnouncerProvider>
          <VerdictPanel verdict={{ kind: 'clear' }} onRetry={jest.fn()} />
        </AnnouncerProvider>
      </FluentProvider>,
    );
    expect(screen.getByTestId('announcer').innerHTML).toBe(first);
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });
});
