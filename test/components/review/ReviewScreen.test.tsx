// The review's screens in jsdom against a fake ReviewService (the real lifecycle rules inside):
// flagged senders, the chronology, decisions with their dates shown before saving, the "changed
// by" refusal, the due and overdue panel, letters, the pane layout, and the review page's role gate.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { LettersPanel } from '../../../src/ui/review/LettersPanel';
import { ReviewScreen } from '../../../src/ui/review/ReviewScreen';
import { DUE_LABELS } from '../../../src/policy/lifecycle';
import { ReviewPage } from '../../../src/review/ReviewPage';
import type { ReviewSession } from '../../../src/app/reviewSession';
import { FakeReviewService, JO, MARK, NOW, TODAY, warnedCase } from './fakeReviewService';
import { caseAt } from '../../unit/lifecycle/helpers';
import { formatLongDate } from '../../../src/policy/dates/format';
import { ADDRESS_ENTRY_MESSAGES } from '../../../src/policy/addressEntry';

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

const now = () => NOW;
function renderScreen(review: FakeReviewService, layout: 'pane' | 'page' = 'page') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReviewScreen
        review={review}
        layout={layout}
        now={now}
        user={{ displayName: 'Helen Marsh' }}
      />
    </FluentProvider>,
  );
}

async function openMark() {
  fireEvent.click(await screen.findByRole('button', { name: 'Open Mark Denton' }));
  await screen.findByTestId('chronology');
}

describe('Flagged senders', () => {
  it('ranks as the service does and shows counts, headings, threats, stage, hints and the disclaimer', async () => {
    renderScreen(new FakeReviewService());
    const items = await screen.findAllByTestId('flagged-sender');
    expect(items.map((i) => i.getAttribute('data-person'))).toEqual([MARK.personKey, JO.personKey]);
    const mark = within(items[0]!);
    expect(mark.getByTestId('counts').textContent).toBe(
      'Contacts: 2 in 7 days · 4 in 30 days · 5 in 90 days',
    );
    expect(mark.getByTestId('stage').textContent).toBe('Written warning');
    expect(mark.getByTestId('threats').textContent).toBe('Threats recorded');
    // The police were not told: the first hint says so.
    expect(mark.queryByTestId('police')).toBeNull();
    expect(mark.getByTestId('hints').firstElementChild!.textContent).toMatch(/police/i);
    expect(items[0]!.textContent).toContain('A. Aggressive or abusive behaviour');
    expect(items[0]!.textContent).toContain('Threats, or threatening behaviour');
    // The same-matter hint names the next step for a warned person and its policy.
    expect(mark.getByTestId('hints').textContent).toContain(
      '4 events about the same matter in 30 days with no new information: consider restricting contact, policy 002 §50',
    );
    expect(screen.getByTestId('hint-disclaimer').textContent).toContain(
      "the decision is the head teacher's (policy 002 §44)",
    );
    const jo = within(items[1]!);
    expect(jo.getByTestId('counts').textContent).toBe(
      'Contacts: 0 in 7 days · 0 in 30 days · 1 in 90 days',
    );
    expect(jo.getByTestId('stage').textContent).toBe('No action');
    expect(jo.queryByTestId('threats')).toBeNull();
  });

  it('says so plainly when the review cannot be read, and tries again', async () => {
    const review = new FakeReviewService();
    const real = review.flaggedSenders.bind(review);
    let fail = true;
    review.flaggedSenders = () =>
      fail ? Promise.reject(new Error('Microsoft 365 is busy.')) : real();
    renderScreen(review);
    expect(
      await screen.findByText(/The review could not be read: Microsoft 365 is busy./),
    ).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('flagged-sender')).toHaveLength(2);
  });
});

describe('Chronology', () => {
  it('lists every entry oldest first, with the weekly chart and a link to the original email', async () => {
    renderScreen(new FakeReviewService());
    await openMark();
    const entries = screen.getAllByTestId('chronology-entry');
    expect(entries).toHaveLength(3);
    expect(entries[0]!.textContent).toContain('Email forwarded to the SPOC');
    expect(entries[1]!.textContent).toContain('Emails every hour');
    expect(entries[2]!.textContent).toContain('Phone call: threatened Mrs Okafor');
    const link = within(entries[2]!).getByRole('link', { name: 'Open the original email' });
    expect(link.getAttribute('href')).toBe(
      'https://outlook.office365.com/owa/?ItemID=AAMk1&exvsurl=1&viewmodel=ReadMessageItem',
    );
    expect(link.getAttribute('target')).toBe('_blank');
    // A labelled chart: one image with a summary for assistive technology, a visible title, axes.
    const chart = screen.getByRole('img', { name: /^Contacts per week: 5 contacts in 4 weeks/ });
    expect(chart).toBe(screen.getByTestId('weekly-chart'));
    expect(chart.getAttribute('aria-label')).toContain('at most 2 in the week of 9 March 2026');
    expect(screen.getByRole('heading', { name: 'Contacts per week' })).toBeTruthy();
    expect(chart.textContent).toContain('Week starting (Monday)');
    const bars = chart.querySelectorAll('[data-week]');
    expect([...bars].map((b) => b.getAttribute('data-count'))).toEqual(['1', '1', '1', '2']);
    // The busiest week has the tallest bar, the full height of the axis; the axis has ticks 0–2.
    const heights = [...bars].map((b) => parseFloat((b as HTMLElement).style.height));
    expect(heights).toEqual([50, 50, 50, 100]);
    expect([...chart.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual([
      '0',
      '1',
      '2',
    ]);
    // Each count is written above its bar, each week's date under the axis.
    expect([...chart.querySelectorAll('[data-count-label]')].map((c) => c.textContent)).toEqual([
      '1',
      '1',
      '1',
      '2',
    ]);
    expect(chart.querySelectorAll('[data-week-label]')).toHaveLength(4);
    // The same data as a table.
    const table = screen.getByTestId('weekly-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toHaveLength(4);
    expect(rows[3]!.textContent).toBe('9 March 20262');
  });

  it('filters by heading', async () => {
    renderScreen(new FakeReviewService());
    await openMark();
    fireEvent.change(screen.getByLabelText('Filter by heading'), {
      target: { value: 'Threatening' },
    });
    const entries = screen.getAllByTestId('chronology-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.textContent).toContain('threatened');
    expect(screen.getByText('1 of 3 entries, oldest first.')).toBeTruthy();
  });

  it('shows a link that is not to Outlook on the web as text, never as a link', async () => {
    const review = new FakeReviewService();
    const { ChronologyPanel } = await import('../../../src/ui/review/ChronologyPanel');
    const hostile = [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'http://outlook.office365.com/owa/?ItemID=1',
      'https://outlook.office.com@evil.example/owa/',
      'https://outlook.office.com\\@evil.example/',
      ' https://outlook.office.com/owa/',
      'https://evil.example/owa/?ItemID=1',
    ];
    const chronology = await review.chronology(MARK.personKey);
    const entries = hostile.map((messageLink, i) => ({
      at: `2026-03-0${i + 1}T09:00:00Z`,
      kind: 'event' as const,
      title: `Entry ${i}`,
      details: [],
      headings: [],
      staffNames: [],
      messageLink,
    }));
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <ChronologyPanel chronology={{ ...chronology, entries }} review={review} now={now} />
      </FluentProvider>,
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(container.querySelectorAll('a[href]')).toHaveLength(0);
    const shown = screen.getAllByTestId('unsafe-message-link').map((t) => t.textContent);
    expect(shown).toHaveLength(hostile.length);
    for (const value of hostile) expect(shown.some((t) => t?.includes(value.trim()))).toBe(true);
  });

  it('shows who created each entry from SharePoint, who changed it, and flags a column naming someone else', async () => {
    const review = new FakeReviewService();
    const { ChronologyPanel } = await import('../../../src/ui/review/ChronologyPanel');
    const chronology = await review.chronology(MARK.personKey);
    const entries = [
      {
        at: '2026-03-02T09:00:00Z',
        kind: 'event' as const,
        title: 'Phone call',
        details: [],
        headings: [],
        staffNames: ['Sarah Whitfield', 'Helen Marsh'],
        author: {
          createdBy: 'Sarah Whitfield',
          createdAt: '2026-03-02T09:05:00Z',
          recordedAs: 'Helen Marsh',
        },
      },
      {
        at: '2026-03-03T09:00:00Z',
        kind: 'event' as const,
        title: 'Email',
        details: [],
        headings: [],
        staffNames: ['Tom Ashworth', 'Priya Shah'],
        author: {
          createdBy: 'Tom Ashworth',
          createdAt: '2026-03-03T09:01:00Z',
          changedBy: 'Priya Shah',
          changedAt: '2026-03-04T11:00:00Z',
        },
      },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <ChronologyPanel chronology={{ ...chronology, entries }} review={review} now={now} />
      </FluentProvider>,
    );
    const [first, second] = screen.getAllByTestId('chronology-entry');
    expect(within(first!).getByTestId('entry-author').textContent).toBe(
      'Created by Sarah Whitfield, 2 Mar 2026, 09:05',
    );
    expect(within(first!).getByTestId('authorship-flag').textContent).toBe(
      "Check: Recorded by Helen Marsh but created by Sarah Whitfield's account",
    );
    expect(within(second!).queryByTestId('authorship-flag')).toBeNull();
    expect(within(second!).getByTestId('entry-changed').textContent).toBe(
      'Changed by Priya Shah, 4 Mar 2026, 11:00',
    );
    fireEvent.click(screen.getByLabelText('Redact staff and witness names'));
    const panel = screen.getByTestId('chronology');
    expect(panel.textContent).not.toMatch(/Sarah Whitfield|Helen Marsh|Tom Ashworth|Priya Shah/);
    expect(within(first!).getByTestId('authorship-flag').textContent).toContain(
      'Recorded by [name',
    );
  });

  it('redacts the same text on screen as in the CSV, with the one routine', async () => {
    const { ChronologyPanel } = await import('../../../src/ui/review/ChronologyPanel');
    const { chronologyCsv } = await import('../../../src/policy/chronology');
    const { chronologyRedaction } = await import('../../../src/app/review/redaction');
    const review = new FakeReviewService();
    const base = await review.chronology(MARK.personKey);
    const chronology = {
      ...base,
      personEmails: ['mark.denton1978@gmail.com'],
      otherStaffNames: ['Priya Shah'],
      entries: [
        {
          at: '2026-03-02T09:00:00Z',
          kind: 'event' as const,
          title: "Shouted at Mrs Okafor's desk",
          details: [
            'Helen Marsh\'s notes: "Mr Denton told Okafor and h.marsh@oakfield.sch.uk to call Priya Shah."',
            'Staff involved: Mrs Okafor, Helen Marsh',
          ],
          headings: [],
          staffNames: ['Mrs Okafor', 'Helen Marsh'],
          author: { createdBy: 'Helen Marsh', createdAt: '2026-03-02T09:05:00Z' },
        },
      ],
    };
    // What GraphReviewService.exportCsv does with the chronology it read.
    review.exportCsv = (_key, options) =>
      Promise.resolve(
        chronologyCsv(chronology.entries, {
          redact: options.redact,
          ...chronologyRedaction(chronology),
        }),
      );
    const saved: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <ChronologyPanel
          chronology={chronology}
          review={review}
          now={now}
          save={(csv) => saved.push(csv)}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByLabelText('Redact staff and witness names'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    });
    const entry = screen.getByTestId('chronology-entry');
    const onScreen = [...entry.querySelectorAll('ul li')].map((li) => li.textContent);
    const row = parseCsv(saved[0]!)[1]!;
    expect(row[3]).toBe("Shouted at [name withheld]'s desk");
    expect(entry.textContent).toContain(row[3]);
    expect(row[5]!.split('\n')).toEqual(onScreen);
    expect(onScreen[0]).toBe(
      '[name withheld]\'s notes: "Mr Denton told [name withheld] and [name withheld] to call [name withheld]."',
    );
    expect(row[8]).toBe('[name withheld]');
    expect(within(entry).getByTestId('entry-author').textContent).toContain('[name withheld]');
    expect(entry.textContent).not.toMatch(/Marsh|Okafor|Priya|Shah|h\.marsh/);
  });

  it('redacts staff and witness names on screen, in print and in the CSV export', async () => {
    const review = new FakeReviewService();
    const saved: [string, string][] = [];
    const printed: HTMLElement[] = [];
    const { ChronologyPanel } = await import('../../../src/ui/review/ChronologyPanel');
    const chronology = await review.chronology(MARK.personKey);
    render(
      <FluentProvider theme={webLightTheme}>
        <ChronologyPanel
          chronology={chronology}
          review={review}
          now={now}
          save={(csv, name) => saved.push([csv, name])}
          print={(el) => printed.push(el)}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByLabelText('Redact staff and witness names'));
    const panel = screen.getByTestId('chronology');
    expect(panel.textContent).not.toContain('Okafor');
    expect(panel.textContent).not.toContain('Mr Bell');
    expect(panel.textContent).not.toContain('Sarah Whitfield');
    expect(panel.textContent).toContain('[name withheld]');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    });
    expect(review.exports).toEqual([{ personKey: MARK.personKey, redact: true }]);
    expect(saved).toEqual([['at,kind,title\n', 'chronology-2026-03-16-redacted.csv']]);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(printed).toEqual([panel]);
    expect(panel.textContent).toContain('Names of staff and witnesses removed');
  });
});

describe('Decisions', () => {
  it('offers only the transitions valid now', async () => {
    renderScreen(new FakeReviewService());
    await openMark();
    const group = await screen.findByRole('group', { name: 'Decisions you can take now' });
    const offered = within(group)
      .getAllByRole('button')
      .map((b) => b.getAttribute('data-transition'));
    // A written warning: a concern, another warning, a restriction or ending it — never confirm.
    expect(offered).toEqual(['issueWarning', 'impose', 'end']);
    expect(screen.queryByRole('button', { name: 'Confirm the restriction' })).toBeNull();
  });

  it('shows the computed dates before saving, saves the decision, and then offers the next steps', async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    fireEvent.click(screen.getByRole('button', { name: 'Impose a restriction' }));
    const form = screen.getByTestId('transition-form');
    const f = within(form);
    fireEvent.click(f.getByLabelText(/A single point of contact/));
    fireEvent.click(f.getByLabelText(/read to check for new issues/));
    fireEvent.click(f.getByLabelText(/Phone calls only on set days/));
    fireEvent.change(f.getByLabelText(/Days and times/), {
      target: { value: 'Tuesdays 2pm to 3pm' },
    });
    fireEvent.change(f.getByLabelText(/Other terms/), {
      target: { value: 'No recording of staff' },
    });
    fireEvent.change(f.getByLabelText(/Single point of contact: name/), {
      target: { value: 'Priya Shah' },
    });
    fireEvent.change(f.getByLabelText(/Single point of contact: email address/), {
      target: { value: 'business.manager@oakfield.sch.uk' },
    });
    fireEvent.change(f.getByLabelText(/How long/), { target: { value: 'm6' } });
    expect((f.getByLabelText(/Who decided/) as HTMLInputElement).value).toBe('Helen Marsh');
    fireEvent.change(f.getByLabelText(/^Why/), {
      target: { value: 'Repeated threats after a warning' },
    });
    // Worked out, not typed: 6 months from 16 March 2026 ends on 15 September; representations
    // within 10 working days of the letter (no bank holiday in between) by 30 March.
    const previewBox = await screen.findByTestId('deadline-preview', undefined, { timeout: 2000 });
    await waitFor(() => expect(previewBox.textContent).toContain('Ends on 15 September 2026'));
    expect(previewBox.textContent).toContain('waiting for the chair of governors');
    expect(previewBox.textContent).toContain(
      'Representations to the chair of governors due (003): 30 March 2026',
    );
    expect(form.querySelector('input[type="date"]')).toBeNull();
    await act(async () => {
      fireEvent.click(f.getByRole('button', { name: 'Save the decision' }));
    });
    expect(review.applied).toHaveLength(1);
    const t = review.applied[0]!;
    expect(t).toMatchObject({
      kind: 'impose',
      decidedBy: { name: 'Helen Marsh', role: 'headTeacher' },
      reasons: 'Repeated threats after a warning',
      duration: { kind: 'months', months: 6 },
    });
    expect(t.kind === 'impose' && t.terms.terms).toEqual([
      { kind: 'singlePointOfContact' },
      { kind: 'readAndFiledWithoutAcknowledgement' },
      { kind: 'phoneAtSetTimes', detail: 'Tuesdays 2pm to 3pm' },
      { kind: 'other', detail: 'No recording of staff' },
    ]);
    expect((await screen.findByTestId('saved')).textContent).toContain(
      'Restriction imposed, waiting for the chair of governors',
    );
    expect(screen.getByTestId('case-stage').getAttribute('data-stage')).toBe('provisional');
    // The restriction's facts, one a line; its end is not listed again as a deadline.
    expect(screen.getByTestId('restriction-end').textContent).toBe('15 September 2026');
    expect(screen.getByTestId('restriction-spoc').textContent).toBe('Priya Shah');
    expect(screen.getByTestId('case-deadlines').textContent).not.toContain('Restriction ends');
    expect(screen.queryByTestId('review-overdue')).toBeNull();
    const group = screen.getByRole('group', { name: 'Decisions you can take now' });
    expect(within(group).getByRole('button', { name: 'Confirm the restriction' })).toBeTruthy();
    // The new representations deadline is now in the due panel.
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('due-item')
          .some((i) => i.getAttribute('data-kind') === 'representations'),
      ).toBe(true),
    );
  });

  it('marks a restriction past its review date in the decisions (DOMAIN: fair to the parent)', async () => {
    const review = new FakeReviewService();
    const active = caseAt('active');
    const r = active.restriction!;
    review.cases.set(MARK.personKey, {
      ...active,
      id: '7',
      restriction: { ...r, reviewDate: '2026-03-09' }, // a week before TODAY (16 March)
    });
    renderScreen(review);
    await openMark();
    const actions = screen.getByTestId('actions');
    expect(within(actions).getByTestId('review-overdue').textContent).toBe(
      'Review overdueThe review was due by 9 March 2026. Record a review, or extend, vary or end the restriction.',
    );
    expect(screen.getByTestId('restriction-review').textContent).toBe('9 March 2026 (overdue)');
    expect(screen.getByTestId('restriction-end').textContent).toBe(formatLongDate(r.endDate));
    // Reviewed today: no longer overdue.
    review.cases.set(MARK.personKey, {
      ...active,
      id: '7',
      restriction: { ...r, reviewDate: TODAY },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open Mark Denton' }));
    await waitFor(() => expect(screen.queryByTestId('review-overdue')).toBeNull());
    expect(screen.getByTestId('restriction-review').textContent).toBe('16 March 2026');
  });

  it('never saves a look-alike SPOC address: the message is beside the box, which gets the focus (issue 13)', async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    fireEvent.click(screen.getByRole('button', { name: 'Impose a restriction' }));
    const f = within(screen.getByTestId('transition-form'));
    fireEvent.click(f.getByLabelText(/A single point of contact/));
    fireEvent.change(f.getByLabelText(/Single point of contact: name/), {
      target: { value: 'Priya Shah' },
    });
    const email = f.getByLabelText(/Single point of contact: email address/);
    // A Cyrillic "о" in oakfield: it looks like the SPOC's address but is another one.
    fireEvent.change(email, { target: { value: 'business.manager@\u043Eakfield.sch.uk' } });
    fireEvent.change(f.getByLabelText(/How long/), { target: { value: 'm6' } });
    fireEvent.change(f.getByLabelText(/^Why/), { target: { value: 'Repeated threats' } });
    const described = () =>
      (email.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(described()).toContain(ADDRESS_ENTRY_MESSAGES.lookAlike);
    // The rules name it too, before saving.
    const problems = await screen.findByTestId('preview-problems', undefined, { timeout: 2000 });
    expect(problems.textContent).toContain(ADDRESS_ENTRY_MESSAGES.lookAlike);
    await act(async () => {
      fireEvent.click(f.getByRole('button', { name: 'Save the decision' }));
    });
    expect(review.applied).toEqual([]);
    expect(document.activeElement).toBe(email);
    expect(screen.queryByTestId('saved')).toBeNull();
    // Typed again by hand, it saves.
    fireEvent.change(email, { target: { value: 'business.manager@oakfield.sch.uk' } });
    expect(described()).not.toContain(ADDRESS_ENTRY_MESSAGES.lookAlike);
    await screen.findByTestId('deadline-preview', undefined, { timeout: 2000 });
    await act(async () => {
      fireEvent.click(f.getByRole('button', { name: 'Save the decision' }));
    });
    expect(review.applied).toHaveLength(1);
    expect(review.applied[0]!.kind === 'impose' && review.applied[0]!.terms.spoc.email).toBe(
      'business.manager@oakfield.sch.uk',
    );
  });

  it("shows the rules' refusal before saving, and the plain message when the save is refused", async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    fireEvent.click(screen.getByRole('button', { name: 'End it' }));
    fireEvent.change(screen.getByLabelText(/As/), { target: { value: 'seniorLeader' } });
    fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Resolved' } });
    const problems = await screen.findByTestId('preview-problems', undefined, { timeout: 2000 });
    expect(problems.textContent).toContain(
      'Only the head teacher, the chair of governors or the governing board can end it.',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the decision' }));
    });
    const failure = await screen.findByTestId('save-failure');
    expect(failure.getAttribute('data-kind')).toBe('refused');
    expect(failure.textContent).toContain('Only the head teacher');
    expect(screen.getByTestId('transition-form')).toBeTruthy(); // the form stays, as typed
  });

  it('refuses a concurrent edit with "changed by … at …" and reloads the case', async () => {
    const review = new FakeReviewService();
    review.conflictNext = { changedBy: 'Priya Shah', changedAt: '2026-03-16T09:58:00Z' };
    renderScreen(review);
    await openMark();
    fireEvent.click(screen.getByRole('button', { name: 'End it' }));
    fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Resolved' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the decision' }));
    });
    const failure = await screen.findByTestId('save-failure');
    expect(failure.getAttribute('data-kind')).toBe('conflict');
    expect(failure.textContent).toContain(
      'This case was changed by Priya Shah at 16 Mar 2026, 09:58, after you opened it. Your decision was not saved.',
    );
    const before = review.calls.filter((c) => c.startsWith('caseFor')).length;
    await act(async () => {
      fireEvent.click(within(failure).getByRole('button', { name: 'Reload' }));
    });
    await waitFor(() =>
      expect(review.calls.filter((c) => c.startsWith('caseFor')).length).toBe(before + 1),
    );
    expect(screen.queryByTestId('save-failure')).toBeNull();
    expect(screen.getByTestId('case-stage').getAttribute('data-stage')).toBe('warning');
  });
});

describe('Due and overdue', () => {
  it('lists a restriction past its review date as overdue, and what falls due', async () => {
    const review = new FakeReviewService();
    review.extraDue = [
      {
        personName: "Siobhan O'Brien",
        kind: 'review',
        due: '2026-03-02',
        state: 'late',
        daysFromToday: -14,
        countingDaysLeft: 0,
        label: 'Review due',
      },
      {
        personName: 'Mark Denton',
        caseId: '7',
        kind: 'chairAnswer',
        due: '2026-03-20',
        state: 'due',
        daysFromToday: 4,
        countingDaysLeft: 4,
        label: "The chair of governors' answer due (003)",
      },
    ];
    renderScreen(review);
    const items = await screen.findAllByTestId('due-item');
    expect(items[0]!.getAttribute('data-state')).toBe('late');
    expect(items[0]!.textContent).toContain('Overdue');
    expect(items[0]!.textContent).toContain('Review due');
    expect(items[0]!.textContent).toContain('2 March 2026 (14 days late)');
    expect(items[1]!.textContent).toContain('20 March 2026 (in 4 days, 4 working days left)');
    expect(screen.getByTestId('due-panel').textContent).toContain(
      '1 late, 1 due in the next 14 days.',
    );
    // Opening an item opens the person's case.
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Mark Denton' }));
    expect(await screen.findByTestId('chronology')).toBeTruthy();
  });
});

describe('Due and overdue: what the records make due (issue 14, items 6 and 7)', () => {
  it('002 §33, §49, §63 and a hand-edited item: each shown with its paragraph, and the day it arose', async () => {
    const review = new FakeReviewService();
    review.extraDue = [
      {
        personName: 'Mark Denton',
        kind: 'reportToPolice',
        due: '2026-03-10',
        state: 'late',
        daysFromToday: -6,
        countingDaysLeft: 0,
        label: DUE_LABELS.reportToPolice,
      },
      {
        personName: 'Mark Denton',
        caseId: '7',
        kind: 'notifyChair',
        due: TODAY,
        state: 'due',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.notifyChair,
        since: '2026-03-12',
      },
      {
        personName: 'Mark Denton',
        caseId: '7',
        kind: 'escalation',
        due: TODAY,
        state: 'due',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.escalation,
        since: '2026-03-13',
      },
      {
        personName: 'Hand Edited',
        kind: 'noReviewDate',
        due: TODAY,
        state: 'late',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.noReviewDate,
      },
    ];
    renderScreen(review);
    const items = await screen.findAllByTestId('due-item');
    const byKind = (kind: string) => items.find((i) => i.getAttribute('data-kind') === kind)!;
    expect(byKind('reportToPolice').textContent).toContain('002 §33');
    expect(byKind('reportToPolice').textContent).toContain('Overdue');
    expect(byKind('notifyChair').textContent).toContain('002 §49');
    expect(within(byKind('notifyChair')).getByTestId('due-since').textContent).toBe(
      'Since 12 March 2026',
    );
    expect(byKind('escalation').textContent).toContain('002 §63');
    expect(byKind('noReviewDate').textContent).toContain('no restriction is indefinite');
    expect(within(byKind('reportToPolice')).queryByTestId('due-since')).toBeNull();
  });

  it('002 §49, 004 Actions: a reminder to tell the chair is recorded as done from the list, and leaves it', async () => {
    const review = new FakeReviewService();
    review.extraDue = [
      {
        personName: 'Mark Denton',
        caseId: '7',
        kind: 'notifyChair',
        due: TODAY,
        state: 'due',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.notifyChair,
        since: '2026-03-12',
        notice: { to: 'chairOfGovernors', decision: 1 },
      },
      {
        personName: 'Mark Denton',
        caseId: '7',
        kind: 'notifyLocalAreaGroup',
        due: TODAY,
        state: 'due',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.notifyLocalAreaGroup,
        since: '2026-03-12',
        notice: { to: 'localAreaGroup', decision: 2 },
      },
    ];
    renderScreen(review);
    const buttons = await screen.findAllByTestId('due-record-notice');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Record that the chair of governors was told',
      'Record that the chair of the Local Area Group was told',
    ]);
    fireEvent.click(buttons[0]!);
    await waitFor(() =>
      expect(review.notices).toEqual([
        { caseId: '7', notice: { to: 'chairOfGovernors', decision: 1 } },
      ]),
    );
    await waitFor(() => expect(screen.getAllByTestId('due-record-notice')).toHaveLength(1));
    expect(screen.queryByTestId('notice-error')).toBeNull();
  });
});

describe('Letters', () => {
  it('003 Model Letters 2 and 4, 000 §7.1: a printed letter is recorded in the case like a draft; a letter the case could not record says so', async () => {
    const review = new FakeReviewService();
    const printed: HTMLElement[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <LettersPanel
          review={review}
          personKey={MARK.personKey}
          current={warnedCase()}
          today={TODAY}
          print={(el) => printed.push(el)}
        />
      </FluentProvider>,
    );
    await screen.findByTestId('letter-preview');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    });
    expect(printed).toHaveLength(1);
    expect(review.printed).toEqual([
      { personKey: MARK.personKey, kind: 'warning', letterDate: TODAY },
    ]);
    expect(screen.queryByTestId('letter-not-recorded')).toBeNull();
    review.recordLetters = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create Outlook draft' }));
    });
    expect((await screen.findByTestId('letter-not-recorded')).textContent).toContain(
      'its windows still count from the decision',
    );
  });

  it('previews the suggested letter for printing and creates an Outlook draft, never sending it', async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    const letters = await screen.findByTestId('letters');
    const select = within(letters).getByLabelText('Letter') as HTMLSelectElement;
    expect(select.value).toBe('warning');
    const preview = await within(letters).findByTestId('letter-preview');
    expect(preview.textContent).toContain('Dear Mr Denton,');
    expect(preview.innerHTML).toContain('&lt;b&gt;'); // escaped text stays text
    fireEvent.change(select, { target: { value: 'restrictionNotice' } });
    await waitFor(() =>
      expect(within(letters).getByTestId('letter-preview').textContent).toContain(
        'restrictionNotice',
      ),
    );
    expect(letters.textContent).toContain('never sent automatically');
    await act(async () => {
      fireEvent.click(within(letters).getByRole('button', { name: 'Create Outlook draft' }));
    });
    // The letter is dated today (Europe/London) unless the head teacher sets another date.
    expect(review.drafts).toEqual([
      { personKey: MARK.personKey, kind: 'restrictionNotice', letterDate: TODAY },
    ]);
    expect((await screen.findByTestId('draft-created')).textContent).toContain(
      'Draft created in your Drafts folder',
    );
  });

  it('issue 14 item 3: the head teacher sets the letter’s date, and the preview and draft use it', async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    const letters = await screen.findByTestId('letters');
    await within(letters).findByTestId('letter-preview');
    expect(review.previews.at(-1)).toEqual({ kind: 'warning', letterDate: TODAY });
    fireEvent.change(within(letters).getByTestId('letter-date'), {
      target: { value: '2026-03-20' },
    });
    await waitFor(() =>
      expect(review.previews.at(-1)).toEqual({ kind: 'warning', letterDate: '2026-03-20' }),
    );
    await act(async () => {
      fireEvent.click(await within(letters).findByRole('button', { name: 'Create Outlook draft' }));
    });
    expect(review.drafts).toEqual([
      { personKey: MARK.personKey, kind: 'warning', letterDate: '2026-03-20' },
    ]);
    // No date, no letter: nothing is previewed or drafted with a guessed date.
    fireEvent.change(within(letters).getByTestId('letter-date'), { target: { value: '' } });
    expect(within(letters).queryByTestId('letter-preview')).toBeNull();
    expect(within(letters).getByText('Enter the letter’s date.')).toBeTruthy();
  });
});

describe('Fairness before any decision', () => {
  it('000 §1.1, §5.2; 002 §68-69: adjustments and representative are shown above the decision buttons', async () => {
    const review = new FakeReviewService();
    review.details.set(MARK.personKey, {
      fairness: {
        adjustments: 'Large print; read letters to him by phone',
        representative: 'Sam Patel, advocate, sam.patel@example.org',
      },
      letterFacts: {},
    });
    renderScreen(review);
    await openMark();
    const actions = await screen.findByTestId('actions');
    const panel = await within(actions).findByTestId('case-fairness');
    expect(within(panel).getByTestId('fairness-adjustments').textContent).toContain(
      'Large print; read letters to him by phone',
    );
    expect(within(panel).getByTestId('fairness-representative').textContent).toContain(
      'Sam Patel, advocate',
    );
    // Above the buttons: the panel comes before the decisions group in the document.
    const group = within(actions).getByRole('group', { name: 'Decisions you can take now' });
    expect(panel.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // And still above the form once a decision is opened.
    fireEvent.click(within(group).getAllByRole('button')[0]!);
    expect(within(actions).getByTestId('case-fairness')).toBeTruthy();
  });

  it('000 §5.2: with none recorded, the reviewer is reminded of advocacy; edits are saved, reasons apart', async () => {
    const review = new FakeReviewService();
    renderScreen(review);
    await openMark();
    const panel = await screen.findByTestId('case-fairness');
    expect(within(panel).getByTestId('fairness-representative').textContent).toContain(
      'Consider whether independent advocacy could help',
    );
    expect(panel.textContent).toContain('decision letters need it');
    fireEvent.click(
      within(panel).getByRole('button', { name: 'Edit fairness and letter details' }),
    );
    fireEvent.change(within(panel).getByLabelText('Reasonable adjustments'), {
      target: { value: ' Large print ' },
    });
    fireEvent.change(within(panel).getByLabelText('What to tell the parent'), {
      target: { value: 'You sent 40 emails in two weeks.' },
    });
    fireEvent.change(within(panel).getByLabelText('Incident date and time'), {
      target: { value: '2026-03-12T08:45' },
    });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));
    });
    expect(review.savedDetails).toEqual([
      {
        fairness: { adjustments: 'Large print' },
        letterFacts: {
          parentExplanation: 'You sent 40 emails in two weeks.',
          incidentAt: '2026-03-12T08:45',
        },
      },
    ]);
    await waitFor(() =>
      expect(within(panel).getByTestId('fairness-adjustments').textContent).toContain(
        'Large print',
      ),
    );
  });

  it('a concurrent edit of the fairness record is refused plainly, never overwritten', async () => {
    const review = new FakeReviewService();
    review.conflictNext = { changedBy: 'Tom Reed', changedAt: '2026-03-16T09:30:00Z' };
    renderScreen(review);
    await openMark();
    const panel = await screen.findByTestId('case-fairness');
    fireEvent.click(
      within(panel).getByRole('button', { name: 'Edit fairness and letter details' }),
    );
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));
    });
    expect((await within(panel).findByTestId('details-failure')).textContent).toContain(
      'changed by Tom Reed',
    );
    expect(review.details.has(MARK.personKey)).toBe(false);
  });
});

describe('Task pane layout', () => {
  it('goes flagged list → person → decisions in the narrow pane, and back', async () => {
    renderScreen(new FakeReviewService(), 'pane');
    expect((await screen.findByTestId('review')).getAttribute('data-layout')).toBe('pane');
    await openMark();
    expect(screen.queryByTestId('flagged-senders')).toBeNull();
    expect(screen.queryByTestId('actions')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Decisions' }));
    expect(await screen.findByTestId('actions')).toBeTruthy();
    expect(screen.queryByTestId('chronology')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '‹ All flagged senders' }));
    expect(await screen.findByTestId('flagged-senders')).toBeTruthy();
  });
});

describe('The review page', () => {
  const renderPage = (session: ReviewSession | Error) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewPage
          start={() =>
            session instanceof Error ? Promise.reject(session) : Promise.resolve(session)
          }
          now={now}
        />
      </FluentProvider>,
    );

  it('tells a member of staff who is not a reviewer, and never loads the review data', async () => {
    const loadService = jest.fn();
    renderPage({
      user: { displayName: 'Sarah Whitfield', emailAddress: 'reception@oakfield.sch.uk' },
      isReviewer: false,
      loadService,
    });
    expect((await screen.findByTestId('not-reviewer')).textContent).toContain(
      'The review is for the head teacher',
    );
    expect(loadService).not.toHaveBeenCalled();
    expect(screen.queryByTestId('flagged-senders')).toBeNull();
  });

  it('shows the full-width review to a reviewer', async () => {
    const review = new FakeReviewService();
    renderPage({
      user: { displayName: 'Helen Marsh', emailAddress: 'head@oakfield.sch.uk' },
      isReviewer: true,
      loadService: () => Promise.resolve(review),
    });
    expect((await screen.findByTestId('review')).getAttribute('data-layout')).toBe('page');
    expect(screen.getByTestId('signed-in-as').textContent).toBe('Signed in as Helen Marsh');
    expect(await screen.findAllByTestId('flagged-sender')).toHaveLength(2);
  });

  it('offers to sign in when sign-in is needed', async () => {
    const { SignInRequiredError } = await import('../../../src/auth/tokenProvider');
    renderPage(new SignInRequiredError('The sign-in window was blocked.'));
    expect(await screen.findByText('The sign-in window was blocked.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});

/** RFC 4180 rows (quoted fields with "" and line breaks), CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}
