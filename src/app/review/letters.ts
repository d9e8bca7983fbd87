// Letters from the case (issue #5; the policies' letters in src/policy/letters): previewed for
// printing, drafted in the reviewer's Outlook (never sent automatically), and recorded in the case
// with the windows each letter states moved to its own date.
import type { GraphCalls } from '../../graph/graphCalls';
import { createLetterDraft } from '../../graph/mail/drafts';
import {
  CasesRepository,
  ChangedByOtherError,
  type StoredCase,
} from '../../graph/repositories/casesRepository';
import type { CaseDeadline, RestrictionCase } from '../../policy/lifecycle';
import {
  DEFAULT_TEMPLATES,
  caseDeadlinesAfterLetter,
  letterFor,
  letterWindows,
  type LetterKind,
} from '../../policy/letters';
import { addDays, compareLocalDates, isLocalDate } from '../../policy/londonDate';
import type { LocalDate } from '../../policy/types';
import type { AppConfig } from '../../config/appConfig';
import type { Decisions } from './decisions';
import type { ReviewContext } from './reviewContext';
import type { SeenCases } from './seenCases';
import type { LetterDraftResult } from './types';

/** How far ahead a letter may be dated (a letter written on Friday for Monday's post). */
const MAX_LETTER_DAYS_AHEAD = 14;

/** The first email address in a representative's details, for the draft's copy (000 §5.2). */
export function representativeAddress(text: string): string | undefined {
  return /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text)?.[0];
}

export class Letters {
  private readonly cases: CasesRepository;

  constructor(
    private readonly calls: GraphCalls,
    sharePoint: AppConfig['sharePoint'],
    private readonly context: ReviewContext,
    private readonly seen: SeenCases,
    private readonly decisions: Decisions,
  ) {
    this.cases = new CasesRepository(calls, sharePoint);
  }

  private async letter(personKey: string, kind: LetterKind, letterDate?: LocalDate) {
    const settings = await this.context.settings();
    const stored = await this.decisions.load(personKey);
    if (!stored) throw new Error('There is no case for this person yet: record a decision first.');
    const today = this.context.today();
    const date = letterDate ?? today;
    if (!isLocalDate(date)) throw new Error('The letter’s date is not a date.');
    // A letter dated far ahead would hold the case's windows open for nothing if it is never sent.
    if (compareLocalDates(date, addDays(today, MAX_LETTER_DAYS_AHEAD)) > 0)
      throw new Error(
        `The letter’s date is more than ${MAX_LETTER_DAYS_AHEAD} days ahead: date it the day it is sent.`,
      );
    const rules = await this.context.dateRules(settings);
    const windows = letterWindows(rules, settings.lifecycle);
    const template = settings.templates[kind] ?? DEFAULT_TEMPLATES[kind];
    const result = letterFor(kind, stored.case, {
      letterDate: date,
      school: settings.letterSchool,
      windows,
      policy: settings.letterPolicy,
      ...(stored.details
        ? { facts: stored.details.letterFacts, fairness: stored.details.fairness }
        : {}),
      template,
    });
    if (!result.ok)
      throw new Error(`This letter cannot be written yet: ${result.problems.join(' ')}`);
    // The case waits for the dates this letter gives the parent (counted from its own date).
    const deadlinesAfter = (c: RestrictionCase) =>
      caseDeadlinesAfterLetter(c, template, date, windows);
    return { stored, letter: result.letter, deadlinesAfter };
  }

  async preview(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ subject: string; bodyHtml: string }> {
    const { letter } = await this.letter(personKey, kind, letterDate);
    return { subject: letter.subject, bodyHtml: letter.bodyHtml };
  }

  async draft(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<LetterDraftResult> {
    const { stored, letter, deadlinesAfter } = await this.letter(personKey, kind, letterDate);
    const person = stored.case.person;
    const address = person.emails[0];
    if (!address) throw new Error('The person has no email address to address the letter to.');
    const representative = stored.details?.fairness.representative;
    const repAddress = representative ? representativeAddress(representative) : undefined;
    const draft = await createLetterDraft(this.calls, {
      to: [{ name: person.name, address }],
      ...(repAddress ? { cc: [{ name: repAddress, address: repAddress }] } : {}),
      subject: letter.subject,
      bodyHtml: letter.bodyHtml,
    });
    const recorded = await this.record(personKey, stored, kind, letter.subject, {
      deadlinesAfter,
      printed: false,
    });
    return {
      draftId: draft.id,
      ...(draft.webLink ? { webLink: draft.webLink } : {}),
      subject: letter.subject,
      recorded,
    };
  }

  async recordPrinted(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ recorded: boolean }> {
    const { stored, letter, deadlinesAfter } = await this.letter(personKey, kind, letterDate);
    const recorded = await this.record(personKey, stored, kind, letter.subject, {
      deadlinesAfter,
      printed: true,
    });
    return { recorded };
  }

  /**
   * Records a letter in the case (for the chronology) and moves the windows it states to its date;
   * a clash with another save is read again once. False when it could not be saved.
   */
  private async record(
    personKey: string,
    stored: StoredCase,
    kind: LetterKind,
    subject: string,
    how: { deadlinesAfter: (c: RestrictionCase) => CaseDeadline[]; printed: boolean },
  ): Promise<boolean> {
    const record = {
      kind,
      subject,
      draftedAt: this.context.now().toISOString(),
      draftedBy: this.context.reviewer().displayName,
      ...(how.printed ? { printed: true } : {}),
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const latest = attempt === 0 ? stored : await this.cases.byPersonKey(personKey);
      if (!latest) return false;
      try {
        const saved = await this.cases.update(
          latest,
          { ...latest.case, deadlines: how.deadlinesAfter(latest.case) },
          {
            ...(latest.pending ? { pending: latest.pending } : {}),
            letters: [...(latest.letters ?? []), record],
          },
        );
        this.seen.remember(saved);
        return true;
      } catch (e) {
        if (!(e instanceof ChangedByOtherError)) return false;
      }
    }
    return false;
  }
}
