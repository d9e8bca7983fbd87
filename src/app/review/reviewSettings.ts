// The review's settings, read from the Settings list (Title = key, Value = text; docs/review.md):
// term dates, extra closure days, how windows are counted, hint thresholds, the lifecycle choices
// the policies leave to the school, the names letters are signed with, and replacement letter
// templates. Anything missing or unusable keeps its default and is reported in plain words.
import {
  DAY_COUNTINGS,
  validateSchoolCalendar,
  type DayCounting,
  type DeliveryMethod,
  type SchoolCalendar,
} from '../../policy/dates';
import { readHintThresholds, type HintThresholds } from '../../policy/hints';
import {
  DECIDER_ROLES,
  DEFAULT_LIFECYCLE_SETTINGS,
  type DeciderRole,
  type LifecycleSettings,
} from '../../policy/lifecycle';
import {
  DEFAULT_RECORDS_DUE_SETTINGS,
  type RecordsDueSettings,
} from '../../policy/lifecycle/recordsDue';
import {
  checkTemplate,
  DEFAULT_LETTER_POLICY,
  LETTER_KINDS,
  type LetterPolicy,
  type LetterKind,
  type LetterSchool,
  type LetterTemplate,
} from '../../policy/letters';
import { isLocalDate } from '../../policy/londonDate';
import type { LocalDate } from '../../policy/types';

/** The Settings list keys the review reads (a contract: docs/review.md). */
export const REVIEW_SETTING_KEYS = {
  termDates: 'TermDates',
  extraClosureDays: 'ExtraClosureDays',
  deadlineCounting: 'DeadlineCounting',
  hintSameMatterEvents: 'HintSameMatterEvents',
  hintSameMatterDays: 'HintSameMatterDays',
  hintVolumeEvents: 'HintVolumeEvents',
  hintVolumeDays: 'HintVolumeDays',
  hintLookbackDays: 'HintLookbackDays',
  chairConfirms: 'ChairConfirms',
  appealDays: 'AppealDays',
  letterDelivery: 'LetterDelivery',
  // Issue 14 lifecycle rules (docs/lifecycle.md "What differs between the schools' policies").
  warningValidMonths: 'WarningValidMonths',
  imposers: 'WhoMayImpose',
  extenders: 'WhoMayExtend',
  longestTermMonths: 'LongestTermMonths',
  schoolName: 'SchoolName',
  headTeacherName: 'HeadTeacherName',
  chairName: 'ChairOfGovernorsName',
  // Issue 14, items 6 and 7 (src/policy/lifecycle/recordsDue.ts): what the records make due.
  notifyChairOfLetters: 'NotifyChairOfLetters',
  escalationToCouncil: 'EscalationToCouncil',
  /** 004 Actions: the chair of the Local Area Group kept informed (yes/no; default no). */
  notifyLocalAreaGroup: 'NotifyLocalAreaGroup',
  /** 003 Model Letters 4 and 5: a banned parent keeps one meeting a year (yes/no; default yes). */
  letterProgressMeeting: 'LetterProgressMeeting',
  /** 002 §61: a ban letter names the statutory exceptions (yes/no; default yes). */
  letterStatutoryExceptions: 'LetterStatutoryExceptions',
  /** The policy's title as letters name it ("the school's <title>, a copy of which is enclosed"). */
  letterPolicyTitle: 'LetterPolicyTitle',
  /** `LetterTemplate:<kind>`: the subject on the first line, a blank line, then the body. */
  letterTemplatePrefix: 'LetterTemplate:',
} as const;

export interface ReviewSettings {
  school?: SchoolCalendar;
  extraClosures: LocalDate[];
  counting: DayCounting;
  thresholds: HintThresholds;
  lifecycle: LifecycleSettings;
  letterSchool: LetterSchool;
  /** What the school's policy keeps open in its letters. */
  letterPolicy: LetterPolicy;
  templates: Partial<Record<LetterKind, LetterTemplate>>;
  /** What the records make due (002 §33, §49, §63; no indefinite restriction). */
  recordsDue: RecordsDueSettings;
  /** Plain problems found (no personal data), for the admin. */
  problems: string[];
}

function get(map: ReadonlyMap<string, string>, key: string): string | undefined {
  for (const [k, v] of map) if (k.toLowerCase() === key.toLowerCase()) return v.trim();
  return undefined;
}

function yesNo(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.toLowerCase();
  if (['yes', 'true', '1'].includes(v)) return true;
  if (['no', 'false', '0'].includes(v)) return false;
  return undefined;
}

/** Role names, comma-separated (`headTeacher, governingBoard`); undefined when unusable. */
function roles(value: string): DeciderRole[] | undefined {
  const names = value
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const known = DECIDER_ROLES.filter((role) =>
    names.some((n) => n.toLowerCase() === role.toLowerCase()),
  );
  return names.length > 0 && known.length === names.length ? known : undefined;
}

function months(value: string, min: number, max: number): number | undefined {
  return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
    ? Number(value)
    : undefined;
}

/** Who may impose and extend, how long a warning counts, the longest term (issue 14). */
function readLifecycleRules(
  map: ReadonlyMap<string, string>,
  lifecycle: LifecycleSettings,
  problems: string[],
): void {
  const K = REVIEW_SETTING_KEYS;
  const roleList = DECIDER_ROLES.join(', ');
  const warning = get(map, K.warningValidMonths);
  if (warning) {
    const m = months(warning, 1, 36);
    if (m !== undefined) lifecycle.warningValidMonths = m;
    else problems.push(`${K.warningValidMonths} must be a number of months (1 to 36).`);
  }
  const longest = get(map, K.longestTermMonths);
  if (longest) {
    const m = months(longest, 3, 24);
    if (m !== undefined) lifecycle.longestTermMonths = m;
    else problems.push(`${K.longestTermMonths} must be a number of months (3 to 24).`);
  }
  const imposers = get(map, K.imposers);
  if (imposers) {
    const r = roles(imposers);
    if (r !== undefined) lifecycle.imposers = r;
    else problems.push(`${K.imposers} must list roles from: ${roleList}.`);
  }
  const extenders = get(map, K.extenders);
  if (extenders) {
    const r = roles(extenders);
    if (r !== undefined) lifecycle.extenders = r;
    else problems.push(`${K.extenders} must list roles from: ${roleList}.`);
  }
}

export function readReviewSettings(map: ReadonlyMap<string, string>): ReviewSettings {
  const problems: string[] = [];
  const K = REVIEW_SETTING_KEYS;

  let school: SchoolCalendar | undefined;
  const termText = get(map, K.termDates);
  if (termText) {
    try {
      const parsed = JSON.parse(termText) as SchoolCalendar;
      const check = validateSchoolCalendar(parsed);
      if (check.problems.length) {
        problems.push(
          `${K.termDates} has problems, so term dates are not used: ${check.problems.join(' ')}`,
        );
      } else school = parsed;
    } catch {
      problems.push(`${K.termDates} is not valid JSON, so term dates are not used.`);
    }
  }

  const extraClosures: LocalDate[] = [];
  for (const line of (get(map, K.extraClosureDays) ?? '').split(/[\n;,]/)) {
    const d = line.trim();
    if (d === '') continue;
    if (isLocalDate(d)) extraClosures.push(d);
    else problems.push(`${K.extraClosureDays}: an entry is not a YYYY-MM-DD date.`);
  }

  const countingText = get(map, K.deadlineCounting);
  let counting: DayCounting = 'workingDays';
  if (countingText) {
    if ((DAY_COUNTINGS as readonly string[]).includes(countingText))
      counting = countingText as DayCounting;
    else problems.push(`${K.deadlineCounting} must be workingDays or schoolDays.`);
  }

  const hints = readHintThresholds({
    sameMatterEvents: get(map, K.hintSameMatterEvents),
    sameMatterDays: get(map, K.hintSameMatterDays),
    volumeEvents: get(map, K.hintVolumeEvents),
    volumeDays: get(map, K.hintVolumeDays),
    lookbackDays: get(map, K.hintLookbackDays),
  });
  problems.push(...hints.problems);

  const lifecycle: LifecycleSettings = { ...DEFAULT_LIFECYCLE_SETTINGS };
  const chair = yesNo(get(map, K.chairConfirms));
  if (chair !== undefined) lifecycle.chairConfirms = chair;
  else if (get(map, K.chairConfirms)) problems.push(`${K.chairConfirms} must be yes or no.`);
  const appeal = get(map, K.appealDays);
  if (appeal) {
    if (appeal.toLowerCase() === 'none') lifecycle.appealDays = null;
    else if (/^\d+$/.test(appeal) && Number(appeal) >= 1 && Number(appeal) <= 60)
      lifecycle.appealDays = Number(appeal);
    else problems.push(`${K.appealDays} must be a number of days (1 to 60) or none.`);
  }
  const delivery = get(map, K.letterDelivery);
  if (delivery) {
    if (['email', 'post', 'hand'].includes(delivery.toLowerCase()))
      lifecycle.letterDelivery = delivery.toLowerCase() as DeliveryMethod;
    else problems.push(`${K.letterDelivery} must be email, post or hand.`);
  }

  readLifecycleRules(map, lifecycle, problems);
  // One longest term for both: what may be imposed or extended, and what the due list flags.
  const recordsDue = {
    ...readRecordsDueSettings(map, problems),
    longestTermMonths: lifecycle.longestTermMonths,
  };

  const letterSchool: LetterSchool = {
    name: get(map, K.schoolName) || 'the school',
    headTeacherName: get(map, K.headTeacherName) || 'The head teacher',
    chairName: get(map, K.chairName) || 'The chair of governors',
  };

  const letterPolicy: LetterPolicy = { ...DEFAULT_LETTER_POLICY };
  for (const [key, field] of [
    [K.letterProgressMeeting, 'progressMeeting'],
    [K.letterStatutoryExceptions, 'statutoryExceptions'],
  ] as const) {
    const value = yesNo(get(map, key));
    if (value !== undefined) letterPolicy[field] = value;
    else if (get(map, key)) problems.push(`${key} must be yes or no.`);
  }
  const policyTitle = get(map, K.letterPolicyTitle);
  if (policyTitle) letterPolicy.policyTitle = policyTitle;

  const templates: Partial<Record<LetterKind, LetterTemplate>> = {};
  for (const kind of LETTER_KINDS) {
    const raw = get(map, `${K.letterTemplatePrefix}${kind}`);
    if (!raw) continue;
    const [subject = '', ...rest] = raw.replace(/\r\n/g, '\n').split('\n');
    const template = { subject: subject.trim(), body: rest.join('\n').trim() };
    const found = checkTemplate(kind, template);
    if (found.length) problems.push(`The ${kind} letter template is not used: ${found.join(' ')}`);
    else templates[kind] = template;
  }

  return {
    ...(school ? { school } : {}),
    extraClosures,
    counting,
    thresholds: hints.thresholds,
    lifecycle,
    letterSchool,
    letterPolicy,
    templates,
    recordsDue,
    problems,
  };
}

// Issue 14, items 6 and 7. Defaults: the chair
// told of letters (002 §49), escalation shown (002 §63); a school whose policy differs says so.
function readRecordsDueSettings(
  map: ReadonlyMap<string, string>,
  problems: string[],
): RecordsDueSettings {
  const K = REVIEW_SETTING_KEYS;
  const settings: RecordsDueSettings = { ...DEFAULT_RECORDS_DUE_SETTINGS };
  for (const [key, field] of [
    [K.notifyChairOfLetters, 'notifyChairOfLetters'],
    [K.escalationToCouncil, 'escalation'],
    [K.notifyLocalAreaGroup, 'notifyLocalAreaGroup'],
  ] as const) {
    const value = get(map, key);
    const answer = yesNo(value);
    if (answer !== undefined) settings[field] = answer;
    else if (value) problems.push(`${key} must be yes or no.`);
  }
  return settings;
}
