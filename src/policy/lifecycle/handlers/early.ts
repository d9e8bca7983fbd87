// Before any restriction: an informal concern, and a written warning (002 §46-48; 003 Appendix 5
// Level 1; 001 "In the first instance"; 004). Pure.
import { addCountingDays } from '../../dates/deadlines';
import { sameDateMonthsLater } from '../../dates/periods';
import { formatLongDate } from '../../dates/format';
import { deadline, isImposed, refusal, required, type TransitionSpec } from './common';
import type { CaseDeadline, ListChange, RestrictionCase } from '../types';

/** A restriction is in place: the earlier steps are behind the person, so record contact instead. */
function alreadyRestricted(verb: string) {
  return (c: RestrictionCase) =>
    isImposed(c)
      ? `A restriction is already in place, so you cannot ${verb}. Record the contact as an event.`
      : undefined;
}

const CONCERN_VERB = 'record an informal concern';
export const recordConcern: TransitionSpec<'recordConcern'> = {
  from: ['none', 'concern', 'overturned', 'ended'],
  deciders: () => ['headTeacher', 'seniorLeader'],
  verb: CONCERN_VERB,
  stageRefusal: alreadyRestricted(CONCERN_VERB),
  apply: ({ t, today, problems, next }) => {
    const summary = required(t.summary, 'Write a short summary of the concern.', problems);
    if (problems.length) return refusal('The concern cannot be recorded yet.', problems);
    next.concern = { recordedOn: today, summary };
    return {
      ok: true,
      toStage: 'concern',
      deadlines: [],
      listChange: null,
      details: [`Informal concern: ${summary}`],
      what: 'Informal concern recorded',
    };
  },
};

const WARNING_VERB = 'give a written warning';
export const issueWarning: TransitionSpec<'issueWarning'> = {
  from: ['none', 'concern', 'warning', 'overturned', 'ended'],
  // 002 §48, 003 Appendix 5: the head teacher or appropriate senior staff.
  deciders: () => ['headTeacher', 'seniorLeader'],
  verb: WARNING_VERB,
  stageRefusal: alreadyRestricted(WARNING_VERB),
  apply: ({ c, t, ctx, today, problems, next, itemAction }) => {
    const behaviour = required(
      t.behaviour,
      'Describe the unacceptable behaviour (002 §48).',
      problems,
    );
    const why = required(t.whyUnacceptable, 'Explain why it is unacceptable (002 §48).', problems);
    const steps = required(
      t.stepsTaken,
      'Say what steps the school has taken (002 §48).',
      problems,
    );
    if (problems.length) return refusal('The warning cannot be recorded yet.', problems);
    const whatFollows =
      (t.whatFollows ?? '').trim() ||
      'If this happens again, the school will restrict the ways in which you may contact it.';
    const reviewDate = sameDateMonthsLater(today, ctx.settings.warningReviewMonths);
    next.warning = {
      issuedOn: today,
      behaviour,
      whyUnacceptable: why,
      stepsTaken: steps,
      whatFollows,
      reviewDate,
    };
    const deadlines: CaseDeadline[] = [deadline('warningReview', reviewDate)];
    if (ctx.settings.versionOfEventsDays !== null) {
      const due = addCountingDays(today, ctx.settings.versionOfEventsDays, ctx.dates);
      deadlines.push(deadline('versionOfEvents', due.date, due.notes));
    }
    let listChange: ListChange | null = null;
    if (c.person.emails.length > 0) {
      listChange = {
        action: itemAction,
        fields: {
          Title: c.person.name.trim(),
          Emails: c.person.emails.join('\n'),
          Status: 'Warning',
          StartDate: today,
          EndDate: null,
          ReviewDate: reviewDate,
          Handling: null,
          SpocName: null,
          SpocEmail: null,
          AllowedContact: null,
          StaffGuidance:
            'A written warning has been given. Nothing is restricted: reply as usual, and log any further unacceptable contact as an event.',
          EmergencyNote: null,
        },
      };
    }
    return {
      ok: true,
      toStage: 'warning',
      deadlines,
      listChange,
      details: [
        `Written warning given on ${formatLongDate(today)}; looked at again on ${formatLongDate(reviewDate)}.`,
      ],
      what: 'Written warning recorded',
    };
  },
};
