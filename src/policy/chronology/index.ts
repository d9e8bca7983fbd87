// One person's chronology (issue #5): contact events, forwarded and filed emails and the single
// point of contact's outcomes (from the Audit list), decisions and reviews (from the case), and
// letters drafted, merged into time order; contacts per week for the chart (Monday weeks, London);
// and a CSV export that can redact the names of staff and witnesses (policy 003 Appendix 5:
// "statements made by adults may be redacted if requested via a SARS request"). Pure: no I/O.
import { DECIDER_ROLE_LABELS, STAGE_LABELS, type DecisionRecord } from '../lifecycle/types';
import {
  BEHAVIOUR_LABELS,
  CHANNEL_LABELS,
  type Behaviour,
  type Channel,
} from '../events/vocabulary';
import { addDays, compareLocalDates, londonDateOf } from '../londonDate';
import { isoWeekday } from '../dates/calendar';
import { formatLongDate, formatTime } from '../dates/format';
import type { LocalDate } from '../types';
import {
  authorNames,
  authorshipWarning,
  entryAuthor,
  type EntryAuthor,
  type ItemAuthorship,
} from './authorship';

import { createRedactor, type RedactionSubject } from './redaction';

export * from './authorship';
export { OUTLOOK_WEB_HOSTS, safeMessageLink } from './messageLink';
export {
  createRedactor,
  nameParts,
  ORDINARY_WORDS,
  REDACTED,
  type RedactionSubject,
} from './redaction';

export type ChronologyKind =
  'event' | 'forwarded' | 'filed' | 'spocOutcome' | 'decision' | 'letter' | 'review';

/** One line of a chronology (the shape of ChronologyEntry in src/app/review/types.ts). */
export interface ChronologyLine {
  at: string;
  kind: ChronologyKind;
  title: string;
  details: string[];
  headings: string[];
  staffNames: string[];
  messageLink?: string;
  threat?: boolean;
  /** Who made it, from SharePoint's own record of the item (never a client-written column). */
  author?: EntryAuthor;
}

export interface ChronologyEventInput {
  occurredAt: string;
  summary: string;
  channel: string;
  behaviours: readonly string[];
  threat: boolean;
  details?: string;
  staffInvolved?: string;
  /** Client-written claims (RecordedByName/Email): compared with `authorship`, never shown as it. */
  recordedByName?: string;
  recordedByEmail?: string;
  /** SharePoint's createdBy/createdDateTime/lastModifiedBy of the event's item. */
  authorship?: ItemAuthorship;
  messageLink?: string;
  policeInformed?: string;
}

export interface ChronologyAuditInput {
  at: string;
  action: string;
  what: string;
  /** Client-written claims (ActorName/ActorEmail): compared with `authorship`. */
  actorName: string;
  actorEmail?: string;
  /** SharePoint's createdBy/createdDateTime of the audit item. */
  authorship?: ItemAuthorship;
}

export interface ChronologyLetterInput {
  at: string;
  subject: string;
  kindLabel: string;
  draftedBy: string;
  /** Printed (to be posted or handed over) rather than drafted in Outlook. */
  printed?: boolean;
}

export interface ChronologyInput {
  events: readonly ChronologyEventInput[];
  audit?: readonly ChronologyAuditInput[];
  decisions?: readonly DecisionRecord[];
  /**
   * SharePoint's record of each decision's audit entry (RestrictionChanged, same instant as the
   * decision's recordedAt): who recorded the decision, by SharePoint's word.
   */
  decisionAuthorship?: readonly { at: string; authorship: ItemAuthorship }[];
  letters?: readonly ChronologyLetterInput[];
}

const KIND_ORDER: Record<ChronologyKind, number> = {
  event: 0,
  forwarded: 1,
  filed: 2,
  spocOutcome: 3,
  decision: 4,
  review: 5,
  letter: 6,
};

/** Names in a free-text "staff involved" field: split on commas, semicolons, "and", new lines. */
export function splitNames(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[\n;,]|\s+and\s+|\s*&\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

function behaviourLabel(code: string): string {
  return BEHAVIOUR_LABELS[code as Behaviour] ?? code;
}

function channelLabel(code: string): string {
  return CHANNEL_LABELS[code as Channel] ?? code;
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = n.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}

function eventLine(e: ChronologyEventInput): ChronologyLine {
  const details: string[] = [`Channel: ${channelLabel(e.channel)}`];
  if (e.behaviours.length)
    details.push(`Behaviour: ${e.behaviours.map(behaviourLabel).join('; ')}`);
  if (e.details) details.push(e.details);
  if (e.staffInvolved) details.push(`Staff involved: ${e.staffInvolved}`);
  const author = entryAuthor(e.authorship ?? {}, {
    ...(e.recordedByName ? { name: e.recordedByName } : {}),
    ...(e.recordedByEmail ? { email: e.recordedByEmail } : {}),
  });
  if (e.threat) details.push(`Police informed: ${e.policeInformed ?? 'not recorded'}`);
  return {
    at: e.occurredAt,
    kind: 'event',
    title: e.summary || 'Contact logged',
    details,
    headings: [...e.behaviours],
    staffNames: unique([
      ...splitNames(e.staffInvolved),
      ...authorNames(author),
      ...(e.recordedByName ? [e.recordedByName] : []),
    ]),
    ...(e.messageLink ? { messageLink: e.messageLink } : {}),
    ...(e.threat ? { threat: true } : {}),
    author,
  };
}

/**
 * The audit's "what" without its reference to a list item, "(restriction 17)": the review's
 * queries match forwards to a restriction by it (app/review/reviewQueries.ts), but an item id means
 * nothing to a reader of the chronology, its CSV or its print (issue 13: no internal ids shown).
 */
export function withoutItemReference(what: string): string {
  return what.replace(/\s*\(restriction \d+\)/g, '');
}

function auditLine(a: ChronologyAuditInput): ChronologyLine | undefined {
  const kind: ChronologyKind | undefined =
    a.action === 'Forwarded'
      ? 'forwarded'
      : a.action === 'Filed' || a.action === 'FilingUndone'
        ? 'filed'
        : a.action === 'SpocOutcome'
          ? 'spocOutcome'
          : undefined;
  if (!kind) return undefined;
  const author = entryAuthor(a.authorship ?? {}, {
    ...(a.actorName ? { name: a.actorName } : {}),
    ...(a.actorEmail ? { email: a.actorEmail } : {}),
  });
  return {
    at: a.at,
    kind,
    title: withoutItemReference(a.what),
    details: [],
    headings: [],
    staffNames: unique([...authorNames(author), ...(a.actorName ? [a.actorName] : [])]),
    author,
  };
}

function decisionLine(d: DecisionRecord, authorship: ItemAuthorship | undefined): ChronologyLine {
  const title =
    d.transition === 'review'
      ? 'Restriction reviewed'
      : d.fromStage === d.toStage
        ? (d.details[0] ?? STAGE_LABELS[d.toStage])
        : `${STAGE_LABELS[d.fromStage]} → ${STAGE_LABELS[d.toStage]}`;
  const author = authorship
    ? entryAuthor(authorship, { name: d.recordedBy.name, email: d.recordedBy.email })
    : undefined;
  return {
    at: d.recordedAt,
    kind: d.transition === 'review' ? 'review' : 'decision',
    title,
    details: [
      `Decided by ${d.decidedBy.name} (${DECIDER_ROLE_LABELS[d.decidedBy.role]}) on ${formatLongDate(d.decidedOn)}`,
      `Why: ${d.reasons}`,
      ...d.details,
      // Without its audit entry, only the case's own claim is left: said to be one.
      ...(author ? [] : [`Recorded by ${d.recordedBy.name} (not confirmed by SharePoint)`]),
    ],
    headings: [],
    staffNames: unique([d.decidedBy.name, d.recordedBy.name, ...authorNames(author)]),
    ...(author ? { author } : {}),
  };
}

function letterLine(l: ChronologyLetterInput): ChronologyLine {
  return {
    at: l.at,
    kind: 'letter',
    title: `Letter ${l.printed ? 'printed' : 'drafted'}: ${l.subject}`,
    details: [l.kindLabel, `${l.printed ? 'Printed' : 'Drafted'} by ${l.draftedBy.trim()}`],
    headings: [],
    staffNames: unique([l.draftedBy]),
  };
}

/** A SharePoint date-and-time column keeps whole seconds: the audit's At is recordedAt cut so. */
function sameSecond(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return !Number.isNaN(x) && Math.floor(x / 1000) === Math.floor(y / 1000);
}

/** Everything in time order (oldest first); the same instant keeps event, audit, decision order. */
export function mergeChronology(input: ChronologyInput): ChronologyLine[] {
  const lines: ChronologyLine[] = [
    ...input.events.map(eventLine),
    ...(input.audit ?? []).map(auditLine).filter((l): l is ChronologyLine => l !== undefined),
    ...(input.decisions ?? []).map((d) =>
      decisionLine(
        d,
        (input.decisionAuthorship ?? []).find((a) => sameSecond(a.at, d.recordedAt))?.authorship,
      ),
    ),
    ...(input.letters ?? []).map(letterLine),
  ].filter((l) => !Number.isNaN(Date.parse(l.at)));
  return lines
    .map((line, index) => ({ line, index, t: Date.parse(line.at) }))
    .sort(
      (a, b) => a.t - b.t || KIND_ORDER[a.line.kind] - KIND_ORDER[b.line.kind] || a.index - b.index,
    )
    .map((x) => x.line);
}

/** Only the lines with one of these headings (behaviour codes); all lines when none is given. */
export function filterByHeading(
  lines: readonly ChronologyLine[],
  headings: readonly string[],
): ChronologyLine[] {
  if (headings.length === 0) return [...lines];
  return lines.filter((l) => l.headings.some((h) => headings.includes(h)));
}

/** The Monday of the London week an instant falls in. */
export function weekStartOf(instant: string): LocalDate {
  const day = londonDateOf(new Date(instant));
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * Contacts per week (Monday to Sunday, London days) from the first contact's week to `until`'s
 * week, with empty weeks as 0 so the chart's gaps are real. Only `event` lines count as contacts.
 */
export function weeklyCounts(
  lines: readonly Pick<ChronologyLine, 'at' | 'kind'>[],
  until: Date,
  maxWeeks = 104,
): { weekStart: LocalDate; count: number }[] {
  const counts = new Map<LocalDate, number>();
  for (const l of lines) {
    if (l.kind !== 'event' || Number.isNaN(Date.parse(l.at))) continue;
    const week = weekStartOf(l.at);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const last = weekStartOf(until.toISOString());
  let first = [...counts.keys()].sort(compareLocalDates)[0]!;
  const earliest = addDays(last, -7 * (maxWeeks - 1));
  if (compareLocalDates(first, earliest) < 0) first = earliest;
  const out: { weekStart: LocalDate; count: number }[] = [];
  for (let w = first; compareLocalDates(w, last) <= 0; w = addDays(w, 7)) {
    out.push({ weekStart: w, count: counts.get(w) ?? 0 });
  }
  return out;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formulas defused. */
export function csvField(value: string): string {
  // A cell starting with = + - @ (or their full-width forms, which some spreadsheets read the
  // same), a tab, CR or LF is run as a formula or split by spreadsheets (CSV injection, OWASP):
  // prefix '. Redaction runs before this, so a redacted cell is defused too.
  const safe = /^[=+\-@\t\r\n＝＋－＠]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Replaces these names (and every address but the subject's) in one text: see redaction.ts. */
export function redactNames(
  text: string,
  names: readonly string[],
  subject: RedactionSubject = {},
): string {
  return createRedactor(names, subject)(text);
}

/** Who the chronology is about, and names known to the review beyond its lines (the SPOC). */
export interface ChronologyRedaction {
  personName?: string;
  personEmails?: readonly string[];
  extraNames?: readonly string[];
}

/**
 * The one redactor for a chronology, shared by the screen (and print) and the CSV: every staff
 * and witness name found in any line, and the extra names, withheld everywhere; the person kept.
 */
export function chronologyRedactor(
  lines: readonly Pick<ChronologyLine, 'staffNames'>[],
  options: ChronologyRedaction,
): (text: string) => string {
  const names = unique([...lines.flatMap((l) => l.staffNames), ...(options.extraNames ?? [])]);
  return createRedactor(names, {
    ...(options.personName ? { name: options.personName } : {}),
    ...(options.personEmails ? { emails: options.personEmails } : {}),
  });
}

const KIND_LABELS: Record<ChronologyKind, string> = {
  event: 'Contact',
  forwarded: 'Forwarded',
  filed: 'Filed',
  spocOutcome: 'Single point of contact',
  decision: 'Decision',
  letter: 'Letter',
  review: 'Review',
};

/**
 * The chronology as CSV: a header row, then one row per line, CRLF line ends. Dates and times are
 * London's. With `redact`, every staff or witness name found in any line is withheld everywhere
 * (the person's own name is kept).
 */
export function chronologyCsv(
  lines: readonly ChronologyLine[],
  options: { redact: boolean } & ChronologyRedaction,
): string {
  const clean = options.redact ? chronologyRedactor(lines, options) : (t: string) => t;
  const stamp = (iso: string | undefined) => {
    const d = iso ? new Date(iso) : undefined;
    return d && !Number.isNaN(d.getTime()) ? `${londonDateOf(d)} ${formatTime(d)}` : '';
  };
  const rows = [
    [
      'Date',
      'Time',
      'Kind',
      'What',
      'Behaviour',
      'Details',
      'Threat',
      'Link',
      'Created by',
      'Created',
      'Changed by',
      'Changed',
      'Authorship check',
    ],
  ];
  for (const l of lines) {
    const at = new Date(l.at);
    const a = l.author;
    rows.push([
      londonDateOf(at),
      formatTime(at),
      KIND_LABELS[l.kind],
      clean(l.title),
      l.headings.map(behaviourLabel).join('; '),
      clean(l.details.join('\n')),
      l.threat ? 'yes' : '',
      clean(l.messageLink ?? ''),
      a ? clean(a.createdBy) : '',
      stamp(a?.createdAt),
      a?.changedBy ? clean(a.changedBy) : '',
      a?.changedBy ? stamp(a.changedAt) : '',
      a ? clean(authorshipWarning(a) ?? '') : '',
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
