// Whether a person has had a warning that still counts before a restriction (002 §44 and §48;
// 001 "In the first instance ... a warning"; 003 Model Letters 2 and 4 "I have already written to
// you ... warning you"; 004 "resumed at a later date within a reasonable period of time"). A written
// warning counts for a reasonable period (a setting, default 12 months); an earlier restriction
// counts the same way from the day it stopped applying, unless it was overturned: a restriction the
// chair or an appeal overturned was found not to be needed, so it warns of nothing. Pure.
import { compareLocalDates } from '../londonDate';
import { sameDateMonthsLater } from '../dates/periods';
import type { LocalDate } from '../types';
import type { DecisionRecord, RestrictionCase } from './types';

export interface PriorWarning {
  /** A warning (or earlier restriction, not overturned) within the period. */
  counts: boolean;
  /** The latest warning or restriction that would have counted, when it is too old. */
  lapsedOn?: LocalDate;
  /** An earlier restriction was overturned (and nothing else counts). */
  overturned: boolean;
}

interface Episode {
  /** The last day it applied (or the day a written warning was given). */
  lastDay: LocalDate;
  overturned: boolean;
}

function endDue(r: DecisionRecord): LocalDate | undefined {
  return r.deadlines.find((d) => d.kind === 'end')?.due;
}

/** The written warnings and earlier restrictions in a case's history, oldest first. */
function episodes(c: RestrictionCase): Episode[] {
  const found: Episode[] = [];
  if (c.warning !== undefined) found.push({ lastDay: c.warning.issuedOn, overturned: false });
  let current: Episode | undefined;
  for (const r of c.history) {
    if (r.transition === 'issueWarning') found.push({ lastDay: r.decidedOn, overturned: false });
    else if (r.transition === 'impose') {
      current = { lastDay: endDue(r) ?? r.decidedOn, overturned: false };
      found.push(current);
    } else if (current !== undefined) {
      if (r.toStage === 'overturned') current.overturned = true;
      else if (r.transition === 'end')
        current.lastDay =
          compareLocalDates(r.decidedOn, current.lastDay) < 0 ? r.decidedOn : current.lastDay;
      else current.lastDay = endDue(r) ?? current.lastDay;
    }
  }
  return found;
}

export function priorWarning(c: RestrictionCase, today: LocalDate, months: number): PriorWarning {
  const all = episodes(c);
  const standing = all.filter((e) => !e.overturned);
  const within = (e: Episode) =>
    compareLocalDates(today, sameDateMonthsLater(e.lastDay, months)) <= 0;
  if (standing.some(within)) return { counts: true, overturned: false };
  const latest = standing
    .map((e) => e.lastDay)
    .sort(compareLocalDates)
    .pop();
  return {
    counts: false,
    ...(latest !== undefined ? { lapsedOn: latest } : {}),
    overturned: standing.length === 0 && all.length > 0,
  };
}
