// The Record of Evidence's vocabularies (src/policy/events/vocabulary.ts). The codes are a public
// contract (stored in the Contact Events list, docs/contact-events.md); the labels are what staff
// tick, so every code has its own readable label, and the policies' groupings are kept.
import {
  BEHAVIOURS,
  BEHAVIOUR_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  FEELINGS,
  FEELING_LABELS,
  INFORMED_ANSWERS,
  POLICY_002_HEADINGS,
  POLICY_004_BEHAVIOURS,
  POLICY_ASPECTS,
  POLICY_ASPECT_LABELS,
  STALKING_BEHAVIOURS,
  THREAT_BEHAVIOURS,
} from '../../../src/policy/events';

describe.each([
  ['channels', CHANNELS, CHANNEL_LABELS as Record<string, string>],
  ['behaviours', BEHAVIOURS, BEHAVIOUR_LABELS as Record<string, string>],
  ['feelings', FEELINGS, FEELING_LABELS as Record<string, string>],
  ['policy aspects', POLICY_ASPECTS, POLICY_ASPECT_LABELS as Record<string, string>],
])('%s', (_name, codes, labels) => {
  it('every code has its own label that staff can read, and no label is left over', () => {
    const texts = codes.map((code) => labels[code]);
    for (const text of texts) expect(text?.trim().length).toBeGreaterThan(3);
    expect(new Set(texts).size).toBe(codes.length);
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });
});

it('the codes stored in the Contact Events list (a public contract: never renamed)', () => {
  expect(CHANNELS).toEqual(['Email', 'Phone', 'InPerson', 'Letter', 'SocialMedia', 'Other']);
  expect(BEHAVIOURS).toEqual([
    'AggressiveOrAbusive',
    'UnreasonableDemands',
    'UnreasonableLevelOfContact',
    'UnreasonableUseOfComplaints',
    'Threatening',
    'Stalking',
    'ProlificCorrespondence',
    'Tone',
    'Tenor',
    'Words',
    'Physicality',
    'Other',
  ]);
  expect(FEELINGS).toEqual([
    'Uncomfortable',
    'Intimidated',
    'Threatened',
    'Bullied',
    'Ignored',
    'Other',
  ]);
  expect(POLICY_ASPECTS).toEqual([
    'TargetedOverTime',
    'OngoingDistress',
    'AdverseEffectOnCommunity',
    'IntimidatingOrOppressive',
  ]);
  expect(INFORMED_ANSWERS).toEqual(['Yes', 'No']);
});

it('002 §19 headings A–D are labelled with their letters; 002 §33 groups threats and stalking', () => {
  expect(POLICY_002_HEADINGS.map((h) => BEHAVIOUR_LABELS[h].slice(0, 3))).toEqual([
    'A. ',
    'B. ',
    'C. ',
    'D. ',
  ]);
  expect(POLICY_004_BEHAVIOURS).toContain('Physicality');
  expect(THREAT_BEHAVIOURS).toEqual(['Threatening']);
  expect(STALKING_BEHAVIOURS).toEqual(['Stalking']);
  expect(FEELING_LABELS.Threatened).toBe('Threatened');
});
