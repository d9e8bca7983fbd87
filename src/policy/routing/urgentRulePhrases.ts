// The phrases the routing job's inbox rules look for (`bodyOrSubjectContains`) to mark a restricted
// parent's mail "possibly urgent" on the server, before anyone opens it (policy 002 §62: the
// emergency line is never blocked; 000 §6.1: at least one line of contact stays open).
//
// Exchange matches each string as a plain, case-insensitive substring of the subject or of the
// body's text, with no word boundaries and no context (docs/routing.md). So every phrase here must
// be safe as a substring:
// - no bare word that ordinary complaints use: "urgent" ("urgent refund"), "emergency" ("emergency
//   contact form"), "police" ("I will go to the police about this detention"), "missing"
//   ("missing homework"), "hospital" ("hospital appointment"), "safeguarding" (threatened reports);
// - no short string hidden inside longer words: "died" is inside "studied", "999" inside "£1999",
//   "hurt" inside "hurtful"; each phrase carries enough words to mean one thing.
// Recall is the pane's job (src/policy/urgency reads the mail in context when it is
// opened); this list only decides what the server marks high importance before then, so it keeps
// to phrases a complaint does not use. A miss still reaches a person: restricted mail always lands
// in an inbox someone reads (the SPOC's), only unmarked.
//
// Size budget: every enabled rule of a mailbox shares one quota (256 KB, as low as 32 KB when an
// admin lowers it: https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/increase-the-space-used-by-inbox-rules),
// and the phrases are repeated in the urgent rule of every destination part on a mailbox. They are
// kept under URGENT_PHRASES_MAX_CHARS characters in all (about 3 KB stored as UTF-16), checked by
// a unit test, so that ten destinations still fit a 64 KB migrated mailbox's quota with the
// addresses. A mail-flow rule's conditions are limited to 8 KB in all
// (https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits#journal-transport-and-inbox-rule-limits).

/** The most characters the phrases may have together (see the size budget above). */
export const URGENT_PHRASES_MAX_CHARS = 1500;

export const URGENT_RULE_PHRASES: readonly string[] = [
  // A child not home or missing: whole phrases, never "missing" alone ("missing homework").
  'not come home',
  "hasn't come home",
  'not home from school',
  "didn't come home",
  'did not come home',
  'gone missing',
  'went missing',
  'reported missing',
  'has run away',
  "can't find my son",
  "can't find my daughter",
  'cannot find my son',
  'cannot find my daughter',
  // Self-harm and suicide: no complaint uses these words.
  'self-harm',
  'self harm',
  'harming herself',
  'harming himself',
  'cutting herself',
  'cutting himself',
  'suicid', // suicide, suicidal
  'kill myself',
  'kill herself',
  'kill himself',
  'end my life',
  'take my own life',
  'overdose',
  // Illness, injury, allergy.
  'anaphyla', // anaphylaxis, anaphylactic
  'epipen',
  'epi-pen',
  'allergic reaction',
  'ambulance',
  'a&e',
  'a & e',
  'in hospital',
  'to hospital',
  'hospitalised',
  'hospitalized',
  'seizure',
  'unconscious',
  'not breathing',
  'head injury',
  'concussion',
  'broken arm',
  'broken leg',
  // Abuse disclosure, allegation against staff (words an ordinary complaint does not use).
  'sexually abused',
  'sexually assaulted',
  'sexual abuse',
  'abused',
  'touched her',
  'touched him',
  'bruises',
  'hit my child',
  // Court orders and who may collect.
  'court order',
  'non-molestation',
  'prohibited steps',
  'not allowed to collect',
  'must not collect',
  'is not allowed to pick',
  // Police at home, a stranger at the gate, social services.
  'police are at',
  'police came to',
  'called 999',
  'rang 999',
  'dialled 999',
  'stranger at the gate',
  'social worker', // not "social services": complainants threaten to report the school there
  // Bereavement ("died" alone is inside "studied").
  'passed away',
  'has died',
  'have died',
  'funeral',
];
