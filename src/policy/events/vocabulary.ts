// The Record of Evidence's vocabularies (DOMAIN.md "Contact Events"; policy 002 §19 headings A–D;
// policy 004's "Record of Evidence" checklist and its four harassment criteria). The codes are
// what the Contact Events list stores (a public contract: never renamed); the labels are what
// staff see.

export const CHANNELS = ['Email', 'Phone', 'InPerson', 'Letter', 'SocialMedia', 'Other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  Email: 'Email',
  Phone: 'Phone call',
  InPerson: 'In person (e.g. at the gate)',
  Letter: 'Letter',
  SocialMedia: 'Social media post',
  Other: 'Other',
};

/** Policy 002 §19: unacceptable actions are grouped under four headings. */
export const POLICY_002_HEADINGS = [
  'AggressiveOrAbusive',
  'UnreasonableDemands',
  'UnreasonableLevelOfContact',
  'UnreasonableUseOfComplaints',
] as const;
/** Policy 004's Record of Evidence checklist ("Type of behaviour/actions"). */
export const POLICY_004_BEHAVIOURS = [
  'ProlificCorrespondence',
  'Tone',
  'Tenor',
  'Words',
  'Physicality',
  'Other',
] as const;
/** Threats, kept apart so the form can say what the policies require (002 §33, 000 §2.3). */
export const THREAT_BEHAVIOURS = ['Threatening'] as const;
/**
 * Stalking (002 §22 "waiting outside buildings for staff", §26 "harassment (including stalking)",
 * §29 persistent unwanted attention), recordable as behaviour because 002 §33 says it is always
 * reported to the police, like physical violence used or threatened.
 */
export const STALKING_BEHAVIOURS = ['Stalking'] as const;

export const BEHAVIOURS = [
  ...POLICY_002_HEADINGS,
  ...THREAT_BEHAVIOURS,
  ...STALKING_BEHAVIOURS,
  ...POLICY_004_BEHAVIOURS,
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];
export const BEHAVIOUR_LABELS: Record<Behaviour, string> = {
  AggressiveOrAbusive: 'A. Aggressive or abusive behaviour',
  UnreasonableDemands: 'B. Unreasonable demands',
  UnreasonableLevelOfContact: 'C. Unreasonable levels of contact',
  UnreasonableUseOfComplaints: 'D. Unreasonable use of the complaints process',
  Threatening: 'Threats, or threatening behaviour',
  Stalking: 'Stalking: persistent unwanted attention, following or waiting for staff',
  ProlificCorrespondence: 'Prolific correspondence',
  Tone: 'Tone',
  Tenor: 'Tenor',
  Words: 'Words',
  Physicality: 'Physicality',
  Other: 'Other (please explain)',
};

/**
 * Policy 004: "How did the action make you feel". A feeling is the member of staff's, not a record
 * of what the person did: "Threatened" here is not a threat (002 §39 gives staff who feel
 * threatened the right to act; 002 §33 and 000 §2.3 make a threat reportable). A threat is
 * recorded by ticking it as behaviour.
 */
export const FEELINGS = [
  'Uncomfortable',
  'Intimidated',
  'Threatened',
  'Bullied',
  'Ignored',
  'Other',
] as const;
export type Feeling = (typeof FEELINGS)[number];
export const FEELING_LABELS: Record<Feeling, string> = {
  Uncomfortable: 'Uncomfortable',
  Intimidated: 'Intimidated',
  Threatened: 'Threatened',
  Bullied: 'Bullied',
  Ignored: 'Ignored',
  Other: 'Other (please explain)',
};

/** Policy 004: the four ways harassment is pursued ("Aspect of policy which the action triggers"). */
export const POLICY_ASPECTS = [
  'TargetedOverTime',
  'OngoingDistress',
  'AdverseEffectOnCommunity',
  'IntimidatingOrOppressive',
] as const;
export type PolicyAspect = (typeof POLICY_ASPECTS)[number];
export const POLICY_ASPECT_LABELS: Record<PolicyAspect, string> = {
  TargetedOverTime:
    'Appears targeted over a significant period of time on one or more members of staff',
  OngoingDistress: 'Causes on-going distress to individual member(s) of staff',
  AdverseEffectOnCommunity:
    'Has a significant adverse effect on the whole or parts of the school community',
  IntimidatingOrOppressive:
    'Pursued in a manner that can be perceived as intimidating and oppressive',
};

/** Whether the head teacher was told / the police were informed, after a threat. */
export const INFORMED_ANSWERS = ['Yes', 'No'] as const;
export type InformedAnswer = (typeof INFORMED_ANSWERS)[number];

/** The policies' words on threats of violence, shown on the form when a threat is ticked. */
export const THREAT_NOTICE =
  'Threats or use of physical violence, and stalking, must be reported: the policies require the ' +
  'head teacher to be told (policy 002 §41: aggression towards staff is reported through the head ' +
  'teacher) and the police to be informed (policy 002 §33: "This will always be the case if ' +
  'physical violence is used or threatened, or stalking behaviour is exhibited"; policy 000 §2.3).';

/** Shown beside the feelings: ticking "Threatened" there records a feeling, not a threat. */
export const FEELINGS_NOTE =
  'How it made you feel is recorded as your feeling, not as what the person did: feeling ' +
  'threatened does not record a threat. If a threat was made, tick "Threats, or threatening ' +
  'behaviour" above.';
