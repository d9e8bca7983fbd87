// The built-in lexicon of the urgency check: phrases by category, each with its word forms written
// out ("injury|injuries|injured"), and the contexts that defuse an ambiguous one. Written from what
// DOMAIN.md and the policies ask ("never block the emergency line": 002 §61–62; 004 "except in
// emergencies"; 000 §6.1 correspondence "read to ensure no new issues are raised"; the safeguarding
// statements of 001 and 003) and from a hand-written corpus of parent mail (tools/bench/corpus).
//
// Why explicit word forms rather than a stemmer: a stemmer reads "missing" as "miss" (so "Miss Hale"
// would match), "police" and "policy" alike, and "injured" as "injur"; the phrases here need a
// handful of forms each, and writing them out keeps every match explainable and the pane's bundle
// free of a dependency.
//
// Pattern notes: matched case-insensitively on whole words (no letter or digit either side);
// apostrophes are straight (the text is tidied first); `who` names a group that must be a person.

export type UrgencyCategory =
  | 'missing'
  | 'injury'
  | 'hospital'
  | 'illness'
  | 'allergy'
  | 'selfHarm'
  | 'suicide'
  | 'abuse'
  | 'allegation'
  | 'collection'
  | 'police'
  | 'stranger'
  | 'socialCare'
  | 'bereavement'
  | 'violence'
  | 'housing'
  | 'safeguarding'
  | 'urgent'
  | 'school';

/** What each category means, in the pane's plain words. */
export const CATEGORY_LABELS: Readonly<Record<UrgencyCategory, string>> = {
  missing: 'a child missing or not home',
  injury: 'an injury',
  hospital: 'hospital or emergency care',
  illness: 'a serious illness',
  allergy: 'an allergic reaction',
  selfHarm: 'self-harm',
  suicide: 'suicide or not wanting to live',
  abuse: 'abuse or neglect',
  allegation: 'an allegation about an adult',
  collection: 'a court order or who may collect',
  police: 'the police at home or called',
  stranger: 'a stranger near a child',
  socialCare: 'social care or child protection',
  bereavement: 'a death in the family',
  violence: 'a weapon or a threat of violence',
  housing: 'a family with nowhere to stay',
  safeguarding: 'a safeguarding concern',
  urgent: 'a request for urgent contact',
  school: "a word on the school's own list",
};

export interface LexiconRule {
  /** Stable name, used by tests and in the result. */
  id: string;
  category: UrgencyCategory;
  /** Regular expression source (case-insensitive, whole words). */
  pattern: string;
  /** Regular expression source: when the sentence around the match also matches this, it does not count. */
  unless?: string;
  /** Regular expression source: when the sentence BEFORE the match matches this, it does not count ("I will go to the police"). */
  unlessBefore?: string;
  /** Regular expression source: when what FOLLOWS the match in its sentence starts like this, it does not count ("died two years ago"). */
  unlessAfter?: string;
  /** When set, the pattern has a group `(?<who>…)` that must name a person (see isPerson). */
  who?: boolean;
}

/** The business of a complaint, which "urgent" is so often attached to ("urgent refund"). */
function adminContext(): string {
  return '\\b(?:refund\\w*|money|payment|paid|deposit|fee|invoice|reply|response|respond|answer\\w*|meeting|letter|photos?|uniform|blazer|complaint|agenda|forum|homework|detention|report|form|confirm\\w*|date|time|slots?|parents\\W? evening|tickets?|booking|results?|grades?|club|(?:pe )?kit|lost property|jumper|cardigan|trainers)\\b';
}

/**
 * The built-in rules. A function rather than a constant so that each check builds them afresh
 * (cheap: V8 caches compiled patterns by source), which lets mutation testing see which test reads
 * which rule.
 */
export function lexiconRules(): LexiconRule[] {
  // Word forms used by several rules.
  const NOT = "(?:\\p{L}*n'?t|not|never)";
  const HIM = '(?:him|her|them|me|my (?:son|daughter|child|boy|girl))';
  const SELF = '(?:him|her|them|my|your)sel(?:f|ves)';
  const PARENT =
    '(?:mum|dad|mother|father|step-?(?:mum|dad|father|mother)|stepdad|stepmum|grandad|grandma|nan|gran|uncle|aunt(?:ie)?|brother|sister|boyfriend|girlfriend|partner)';
  /**
   * A threat about the complaint, not an event: "I will go to the police", "if … I'll call". Only
   * the writer's own next step (I, we) or a condition defuses: "he will collect her although the
   * court order says he must not" is a third person about to act, which is the emergency.
   */
  const THREAT_CONTEXT =
    "\\b(?:i|we)(?:'ll| will| shall| would| am going to| are going to| am gonna| intend\\w*| plan\\w*| may| might)\\b|\\b(?:i'm|we're|i am|we are) (?:going to|gonna)\\b|\\bmy (?:solicitor|lawyer|mp|advocate)(?:'ll| will| is going to)\\b|\\byou(?:'ll| will) be hearing\\b|\\b(?:threaten\\w*|consider\\w*|unless|otherwise|if|any further|one more)\\b|\\b(?:going to|gonna|could|might|will|would) (?:easily )?get\\b|\\b(?:could|might) (?:be|have been)\\b";
  const ADMIN_CONTEXT = adminContext();
  /** The writer saw the child go to school: "I dropped him at the gate", "watched her walk in". */
  const LEFT_FOR_SCHOOL =
    '\\b(?:i|we) (?:dropped|dropped off|walked|drove|watched|saw) (?:him|her|them)(?: off)?(?: \\p{L}+){0,3} (?:at|to|into|towards|through|in) (?:the )?(?:\\p{L}+ )?(?:school|gates?|corner|bus|playground|classroom|class)\\b';

  return [
    // A child missing or not home.
    {
      id: 'missing.person',
      category: 'missing',
      pattern:
        "(?<who>\\p{L}+)(?:'s| is| was| has been| had been| has gone| had gone| went| now) missing",
      who: true,
      unless: '\\bmissing (?:out|the point|from (?:his|her|their|the) (?:bag|tray|locker|file))\\b',
    },
    {
      id: 'missing.gone',
      category: 'missing',
      pattern:
        "(?<who>\\p{L}+)(?:'s|'d)? (?:has |had |have )?(?:gone|went) missing|reported missing|missing episodes?",
      who: true,
    },
    {
      id: 'missing.notHome',
      category: 'missing',
      pattern: `${NOT} (?:yet )?(?:come|came|got|gotten|arrived|returned|been|made it|turned up) (?:back )?home`,
      // "Her letter never came home": a thing, not a child.
      unlessBefore:
        '\\b(?:letters?|forms?|slips?|reports?|homework|books?|bags?|coats?|jumpers?|kit|notes?|parcels?|money|trainers|lunch ?box(?:es)?|reply|replies)\\W*$',
    },
    {
      id: 'missing.notComingBack',
      category: 'missing',
      pattern:
        "(?:not|never) (?:coming|going) (?:back|home)(?: to(?: \\p{L}+){1,2})? tonight|(?:will not|won'?t|never) (?:come|coming) (?:back )?home|(?:leaving|leave|run off|running off) (?:soon )?and (?:will not|won'?t|never) come back|passport (?:is |has )?(?:gone|missing)",
    },
    {
      id: 'missing.stillOut',
      category: 'missing',
      pattern: 'still not (?:back|home)|not (?:back|home) yet',
    },
    {
      id: 'missing.neverArrived',
      category: 'missing',
      pattern: `(?<who>\\p{L}+) (?:never|didn'?t|did not) (?:turn(?:ed)? up|arrived?|got there|came out|(?:made|make|got|get) it (?:to|into|in to) (?:school|class|the bus)|(?:got|get) (?:to|into|in to) school|reached (?:school|the school))`,
      who: true,
    },
    {
      id: 'missing.whereabouts',
      category: 'missing',
      pattern:
        "(?:no ?one|no-one|nobody|we don'?t|i don'?t|no idea) (?:knows? |knew )?where (?:he|she|they)(?: is| are| was| were| went|'d gone| had gone| has gone|'s gone)|can'?t find (?:him|her|them|my (?:son|daughter|child))|where is (?:he|she|my (?:son|daughter|child|boy|girl))\\?",
    },
    {
      id: 'missing.notSeen',
      category: 'missing',
      pattern: "(?:has|have|had)(?:n'?t| not) been seen",
    },
    {
      id: 'missing.unreachable',
      category: 'missing',
      pattern: `(?:can'?t|cannot|couldn'?t|unable to) (?:get hold of|reach|contact|find|get through to) ${HIM}|${NOT} (?:answering|picking up) (?:his|her|their) phone|(?:phone|location) is (?:off|dead|switched off)|(?:haven'?t|have not|hasn'?t|has not) (?:heard from|seen) ${HIM}|no sign of ${HIM}|should (?:have|'ve) been (?:home|back)|(?:was|were) (?:meant|supposed|due) to be (?:home|back)`,
    },
    { id: 'missing.ranAway', category: 'missing', pattern: 'run(?:s|ning)? away|ran away|runaway' },
    {
      // "The text says he is absent" when the parent saw him go to school: the absence is the alarm.
      id: 'missing.absentButLeft',
      category: 'missing',
      pattern: `absent(?=[^]{0,300}?${LEFT_FOR_SCHOOL})|(?:${LEFT_FOR_SCHOOL}[^]{0,300}?)\\babsent`,
      unless:
        '\\b(?:but|yet) (?:he|she|they) (?:was|were) (?:in|at|there)\\b|\\bregister\\b|\\b(?:dentist|doctor|orthodontist|appointment|holiday|funeral|ill|sick)\\b',
    },

    // Injury.
    {
      id: 'injury.word',
      category: 'injury',
      pattern: 'injur(?:y|ies|ed|ing)|head injury|concuss(?:ion|ed)',
      unlessBefore: THREAT_CONTEXT,
      unless: '\\b(?:healed|recovered|better now|fully fit|back to pe)\\b',
    },
    {
      id: 'injury.hurt',
      category: 'injury',
      pattern: '(?:badly|seriously|really|got|was|been|being) hurt',
      unless: '\\bhurt (?:that|by (?:the|what|being|not)|feelings)\\b|\\bfeelings\\b',
    },
    {
      id: 'injury.broken',
      category: 'injury',
      pattern:
        '(?:broken|fractured|broke|fractured|dislocated) (?:(?:his|her|their|an?|the|my) )?(?:arm|leg|wrist|ankle|nose|finger|collarbone|bone|tooth|teeth|ribs?|jaw)|(?:arm|leg|wrist|ankle|nose|finger|collarbone|bone|jaw)s? (?:is|are|was|were) (?:broken|fractured)',
    },
    {
      id: 'injury.bruises',
      category: 'injury',
      pattern: 'bruis(?:e|es|ed|ing)|finger ?marks|welts',
    },
    {
      id: 'injury.body',
      category: 'injury',
      pattern:
        "dislocat\\w+|fractur\\w+|in a (?:cast|sling)|knocked (?:out|unconscious)|(?:banged|bashed|hit|knocked|bumped) (?:his|her|their) head|(?:bump|lump|cut|gash|wound) (?:on|to|in) (?:his|her|their) (?:head|face|eye)|(?:fell|fallen|fall|fel|tripped|slipped) (?:off|from|down|on|over) (?:the|a) (?:\\p{L}+ )?(?:frame|wall|stairs|steps|apparatus|bars|roof|window|tree|bike)|(?:can'?t|cannot|couldn'?t|can not) (?:stand|walk|put (?:any )?weight) on (?:it|(?:his|her|their) (?:leg|foot|ankle|knee))|(?:ankle|knee|wrist|arm|leg|foot|hand|eye|face|head) (?:is|was|has) (?:massive|huge|swollen|swelled|swelling|ballooned|twice the size)|(?:no ?one|nobody|no-one) (?:has |had )?(?:come|been|came|gone) to (?:help|see to|check on) (?:him|her|them)(?! with)|burns?|scald\\w*",
      unless: '\\b(?:fully healed|now healed|has healed|signed off|fracture clinic)\\b',
    },
    {
      id: 'injury.bleeding',
      category: 'injury',
      pattern: 'bleeding|(?:vomit\\w*|coughing up) blood|stitches',
    },
    {
      id: 'injury.accident',
      category: 'injury',
      pattern: '(?:been|was|had|in) an? (?:serious |bad |car |road )?accident',
    },
    {
      id: 'hospital.ambulance',
      category: 'hospital',
      pattern: 'ambulances?|paramedics?|stretcher',
    },

    // Hospital and emergency care.
    {
      id: 'hospital.in',
      category: 'hospital',
      pattern:
        "(?:in|to|at|from|into|admitted to|taken to|rushed to) (?:the )?(?:children'?s )?hospital",
      unless: '\\b(?:appointment|operation|check-?up|clinic|scan|outpatients?|visiting)\\b',
    },
    {
      id: 'hospital.care',
      category: 'hospital',
      pattern:
        "hospitali[sz](?:ed|ation)|admitted (?:to|overnight|last night|yesterday|this morning|into)|discharged|emergency (?:operation|surgery)|x-?rays?|a ?& ?e|a and e|accident and emergency|children'?s ward|on the ward|on a drip|intensive care|resus|walk[- ]in cent(?:re|er)|rushed (?:to|into|him|her|them)|999|111",
    },

    // Serious illness.
    {
      id: 'illness.serious',
      category: 'illness',
      pattern:
        '(?:very|seriously|really|extremely|so|gravely|critically) (?:unwell|ill|poorly)|not well at all|life[- ]threatening',
    },
    {
      id: 'illness.acute',
      category: 'illness',
      pattern:
        "seizures?|convulsions?|collapsed|fainted|passed out|unconscious|unresponsive|(?:not|stopped|struggling|can'?t) breath(?:e|ing)|(?:can'?t|cannot|won'?t|couldn'?t) wake (?:him|her|them)|(?:severe|bad|terrible) headache|floppy|delirious",
    },
    {
      id: 'illness.named',
      category: 'illness',
      pattern:
        "blood sugar|hypo|hypoglyc\\w+|meningitis|sepsis|septic|appendicitis|high temperature|rash that (?:doesn'?t|does not|won'?t) fade|rescue med\\w*|wheez\\w+|(?:can'?t|cannot|can) (?:hardly|barely) (?:breathe|speak|talk|get (?:his|her|their) words out)|(?:reading|levels?|sugars?|glucose) (?:is |are |of |at |was )?(?:[0-3]\\.\\d|dropping|falling|crashing|very low|too low|really low)|glucose (?:tablets|gel)|(?:libre|dexcom|cgm|insulin pump) (?:app )?(?:is )?(?:alert\\w*|alarm\\w*)",
    },
    {
      id: 'illness.asthma',
      category: 'illness',
      pattern: 'asthma attacks?',
      // "He hasn't had an asthma attack in over a year": the school's routine, not an attack.
      unless:
        "\\b(?:hasn'?t|has not|haven'?t|have not|never) had an asthma attack (?:in|for|since)\\b",
    },

    // Allergy.
    {
      id: 'allergy.reaction',
      category: 'allergy',
      pattern:
        'allergic reactions?|anaphyla\\w+|(?:lips|face|throat|tongue) (?:swollen|swelling|swelled)|swollen (?:lips|face|throat|tongue)|hives|allerg(?:y|ies|ic) to|(?:nut|peanut|food|severe) allerg(?:y|ies)|(?:face|lips|eyes?) (?:was |were |is |are |went )?(?:puffy|puffed up|swelling up)|throat (?:was |is |felt |feels )?(?:itchy|tight|swelling|closing)|reaction to',
    },

    {
      // The medicine alone, unless the sentence is about keeping it in date (a school's routine).
      id: 'allergy.medicine',
      category: 'allergy',
      pattern: 'epi-?pens?|auto-?injectors?|adrenaline pens?|antihistamines?|piriton',
      unless:
        '\\b(?:expir\\w*|out of date|in date|prescription|action plan|spares?|new (?:ones?|pens?)|hay ?fever|medical records?)\\b',
    },

    // Self-harm and suicide.
    {
      id: 'selfHarm.words',
      category: 'selfHarm',
      pattern: `self[- ]?harm\\w*|(?:cutting|cut|hurting|hurt|harming|harm|burning|burnt|burned|starving) ${SELF}|marks on (?:his|her|their) (?:arms?|legs?|wrists?|thighs?)|burns on (?:his|her|their)|scratching (?:his|her|their) (?:arms?|legs?|wrists?)|taking (?:tablets|pills) from|cuts (?:on|all over|up and down) (?:(?:his|her|their|both) )?(?:\\p{L}+ )?(?:wrists?|arms?|forearms?|legs?|thighs?|stomach|tummy)|(?:arms?|forearms?|wrists?|legs?|thighs?) (?:are |were )?covered in (?:cuts|scratches|marks|scars)|(?:fresh|deep|new) cuts|(?:razor|sharpener|pencil sharpener|craft) blades?|(?:taken|took|has|had|carrying|hiding|hid|hidden) a blade`,
    },
    {
      id: 'suicide.words',
      category: 'suicide',
      pattern: `suicid\\w*|kill(?:ing)? ${SELF}|end (?:it all|(?:his|her|my|their) (?:own )?life)|take (?:his|her|my|their) (?:own )?life|${NOT} want(?:s|ing)? to (?:be alive|live|be here)|better off (?:without (?:him|her|me)|dead)|want(?:s|ed)? to (?:die|disappear|be dead)|${NOT} want(?:s|ing)? to (?:wake up|go on|exist)|no point (?:in )?(?:living|being alive|being here|going on)|${NOT} see (?:the|any) point (?:in|of) (?:living|life|being alive|being here|going on|carrying on)|(?:nobody|no ?one|no-one)(?: \\p{L}+){0,3} would (?:notice|care|miss (?:him|her|them|me)) if (?:he|she|they|i) (?:was|were|wasn'?t|weren'?t) (?:gone|here|around|alive)|${NOT} want(?:s|ing)? to be (?:here|alive|around) any ?more|(?:talk\\w*|said|says|saying) (?:about )?(?:ending it|ending (?:his|her|their|my) life|not being here|not wanting to (?:live|be here))|(?:end|ending) it all|(?:thinking|talking|thought|talked|think|talks?|wants?|wanted|going|gonna|planning|plans) (?:about |of |to )?end(?:ing)? it(?! with)|how many (?:paracetamol|pills|tablets|painkillers)|(?:taken|took|swallowed) (?:all |a load of |a lot of |loads of )?(?:the |my |your |her |his |some )?(?:tablets|pills|paracetamol|painkillers)|(?:thoughts|thinking) (?:of|about) (?:dying|death|killing)|wish(?:es|ed)? (?:he|she|i|they) (?:was|were) (?:dead|never born)|overdos\\w*`,
    },

    {
      // "I won't be here for the residential anyway" (a child's note); not "… for parents' evening".
      id: 'suicide.notHere',
      category: 'suicide',
      pattern:
        "won'?t be (?:here|around)\\b(?! (?:for|at|on) (?:the |my |our |his |her )?(?:parents|meeting|appointment|evening|concert|assembly|performance|sports day|match|holiday|trip|christmas|nativity|weekend))[^.!?\\n]{0,40}\\banyway|won'?t be (?:here|around) (?:much longer|for long)",
    },

    // Abuse and neglect.
    {
      id: 'abuse.physical',
      category: 'abuse',
      pattern: `(?:attacked|assaulted|strangling|hits|hit|hitting|beats|beat|beating|slaps|slapped|punches|punched|kicks|kicked|smacks|smacked|shoved|grabbed|strangled|choked|throttled|burnt|burned|hurts|hurting) ${HIM}`,
      unless: '\\bkick(?:s|ed)? (?:him|her|them|me) (?:out|off)\\b|\\bfeelings\\b',
    },
    {
      id: 'abuse.handled',
      category: 'abuse',
      pattern: `(?:dragged|yanked|manhandled|restrained|pinned|shook) ${HIM}|(?:threw|thrown) ${HIM} (?:against|across|into|onto|on to|to the (?:floor|ground))|(?:grabbed|pulled|lifted|dragged) (?:${HIM} )?by (?:the|his|her|their) (?:collar|neck|throat|hair|ear|arms?|wrists?)|(?:red |finger |hand ?)?marks? (?:around|round|on) (?:his|her|their) (?:neck|throat)`,
    },
    {
      id: 'abuse.sexual',
      category: 'abuse',
      pattern:
        "(?:touch(?:ed|es|ing)) (?:her|him|them)|sexual(?:ly)? (?:messages?|abuse|assault\\w*|touching|comments?|images?|photos?|pictures?|harass\\w*|things)|sexually|indecent\\w*|groom(?:ed|ing)|nudes?|sexting|(?:pull|take|took|pulled) (?:her|his|their|my) (?:trousers|pants|clothes|knickers|shirt|top) (?:down|off)|asked (?:him|her|them) to (?:take|send|meet)|(?:pictures|photos|pics|images|videos|selfies) of (?:herself|himself|themselves) (?:in (?:her|his|their) (?:underwear|bra|pants|bed)|naked|undressed)|(?:keep|keeping|kept) (?:it|this|them|the (?:chats?|messages?)) (?:between (?:them|us|the two of (?:them|us))|from (?:me|us|her mum|his mum|her dad|his dad))|(?:sextortion|blackmail\\w* (?:him|her|them))|threaten\\w* to (?:send|share|post|leak|put) (?:it|them|the (?:pictures?|photos?|images?|videos?)|(?:his|her|their) (?:pictures?|photos?|images?))|(?:got|made|persuaded|convinced|asked|pressured) (?:him|her|them) (?:in)?to send (?:a |an |some )?(?:picture|photo|pic|image|video|nude|selfie)s?|ask(?:s|ed|ing)? (?:(?:him|her|them) )?(?:what|which) school (?:he|she|they) (?:goes|go|attends|is at)|(?:he|she|they)(?: met| has been talking to|'s been talking to| was talking to) (?:online|on (?:a |an )?(?:game|app|snapchat|instagram|tiktok|discord|roblox|fortnite|whatsapp|xbox|playstation))",
      unless: '\\bgrooming (?:parlour|salon)\\b',
    },
    {
      id: 'abuse.named',
      category: 'abuse',
      pattern:
        "(?:domestic|sexual|physical|emotional|child) (?:abuse|violence)|being abused|abus(?:ed|ing) (?:him|her|them|me)|refuge|being neglected|signs of neglect|neglected at home|not (?:being )?fed|(?:made|makes|make|making) (?:him|her|them) sleep (?:in|on|outside)|(?:hasn'?t|hadn'?t|has not|had not|not) (?:had )?(?:anything|nothing) to eat|(?:locked|shut) (?:him|her|them) (?:in (?:a|the|his|her|their) (?:room|cupboard|shed|garage|cellar|car)|out of the (?:house|flat)|outside)|left (?:him|her|them) (?:alone|on (?:his|her|their) own) (?:overnight|all night|all weekend|for days)|(?:no|without) food (?:at home|for days|since)|(?:left|found) (?:the \\p{L}+ of )?(?:him|her|them|(?:the|my) (?:kids|children)) (?:alone|on (?:his|her|their) own)|nothing (?:to eat|in the fridge)|(?:been|keeps?|always|often|regularly) (?:going|coming|goes|comes) (?:in(?:to)? school |to school )?hungry|no (?:food|electric(?:ity)?|heating|gas) (?:in the house|at home|for days)",
    },
    {
      id: 'abuse.fear',
      category: 'abuse',
      pattern: `(?:scared|afraid|frightened|terrified) (?:to go home|of (?:his|her|my|their) ${PARENT})`,
    },

    // An allegation about an adult (staff, a coach, a volunteer).
    {
      id: 'allegation.contact',
      category: 'allegation',
      pattern:
        '(?:messag\\w+|texting|dm\\w*|contacting) (?:my|our) (?:\\d+[- ]year[- ]old|daughter|son|child)|mature for (?:(?:his|her|their) age|\\d+(?![- ]?years?[- ]old \\p{L}))|our (?:little )?secret|(?:stay|stayed) behind alone|alone with (?:him|her|them)|kiss(?:ed|es|ing) (?:him|her|them)|(?:told|tells|asked|asks|says|said|saying|telling) (?:(?:him|her|them) )?not to tell (?:(?:her|his|their) (?:mum\\w*|dad\\w*|parents)|her|his|their|anyone|any ?one|me|us|mum\\w*|dad\\w*|mom\\w*|a soul)|(?:keep|kept) (?:it|this) (?:a )?secret|inappropriate(?:ly)? (?:touch\\w*|messages?|photos?|pictures?|relationship)',
    },
    {
      id: 'allegation.word',
      category: 'allegation',
      pattern: 'allegations?',
      unless: "\\b(?:against me|about me|you(?:'ve| have) made|your allegations?|false)\\b",
    },

    // Court orders and who may collect.
    {
      id: 'collection.order',
      category: 'collection',
      pattern:
        "court order|non[- ]?mol\\w* order|non[- ]molestation|prohibited steps|restraining order|injunction|child arrangements order|(?:does not|doesn'?t|has no) (?:have )?parental responsibility|special guardianship|abduct\\w*",
      unlessBefore: `${THREAT_CONTEXT}|\\b(?:get|seek|apply for)\\b`,
    },
    {
      id: 'collection.notAllowed',
      category: 'collection',
      pattern: `(?:not allowed|not aloud|not permitted|must not|mustn'?t|should not|shouldn'?t|is not to|are not to) (?:to )?(?:be allowed to )?(?:collect|pick (?:\\p{L}+ )?up|be (?:released|collected|handed|picked up))|prohibit\\w* (?:him|her|them) from|interim order|order (?:was|has been) served|(?:not allowed|not permitted|isn'?t allowed|mustn'?t have|must not have|is not to have|not supposed to have) (?:any )?(?:to have )?(?:any )?contact|(?:release|hand) (?:her|him|them) to (?:anyone|no ?one)|take (?:her|him|them) (?:out of the country|abroad|away from|and go)|(?:has|have|is to have) no contact|family court|(?:do not|don'?t|never) hand (?:the children|him|her|them|\\p{L}+) over|(?:only|nobody but|no one but) (?:me|i|myself) (?:can|may|is allowed to|am allowed to) (?:collect|pick)`,
    },

    {
      id: 'collection.doNotLet',
      category: 'collection',
      pattern:
        "(?:do not|don'?t|never) (?:let|allow) (?<who>\\p{L}+) (?:(?:go|leave) with|(?:take|collect|have) (?:him|her|them|the (?:children|kids)))",
      who: true,
    },

    // Police at home or called.
    {
      id: 'police.event',
      category: 'police',
      pattern:
        'police (?:are|were|have|had|came|come|arrived|turned up|attended|called|took|told)|(?:officers?|detectives?|police) (?:came|arrived|turned up|attended|searched|raided|took|knocked)|(?:searched|raided) (?:the|our|my) (?:house|home|flat)|arrested|under arrest|in custody|(?:called|rang|rung|phoned|contacted|reported (?:it )?to) (?:the )?police',
      unlessBefore: THREAT_CONTEXT,
      unless: '\\b(?:assembly|assemblies|workshop|careers|road safety)\\b',
    },

    // A stranger near a child.
    {
      id: 'stranger.words',
      category: 'stranger',
      pattern:
        'strangers?|(?:man|woman|men|adult|someone|somebody|bloke|guy) (?:in a (?:\\p{L}+ ){0,2}(?:car|van)|at the (?:school )?gates?|hanging around|approached)|(?:has been|have been|was|were|is|keeps?|kept) (?:following|watching|filming) (?:her|him|them)|followed (?:her|him|them) (?:home|from|to)|offered (?:him|her|them) a lift|tried to (?:get|grab|take|lure) (?:her|him|them)|taking (?:photos|pictures) of (?:the )?(?:children|kids|pupils)|(?:asked|told|tried to get|wanted) (?:her|him|them) to get in|get in (?:the|his|her|a|my|their) (?:car|van)|pulled up (?:by|at|outside|next to)|(?:parked|waiting|sitting|hanging around|standing) (?:right )?(?:across (?:the road )?from|outside|opposite|near|by) the (?:school|gates?|playground)',
    },

    // Social care and child protection.
    {
      id: 'socialCare.words',
      category: 'socialCare',
      pattern:
        "social (?:services|workers?|care)|children'?s services|child protection|(?:cp|child in need) (?:meeting|plan|conference)|section 47|care proceedings|lado|cafcass",
      unlessBefore: THREAT_CONTEXT,
      unless:
        "\\bpolic(?:y|ies)\\b|\\btraining\\b|\\bkcsie\\b|\\b(?:i'?m|i am|as|work(?:s|ing)? as) an? social worker\\b|\\b(?:subject access|no further action)\\b",
    },

    // Bereavement.
    {
      id: 'bereavement.words',
      category: 'bereavement',
      unless:
        '\\b(?:nearly|almost|could have|would have) died\\b|\\bdied (?:of|from) (?:embarrassment|shame|laughing|laughter|boredom)\\b|\\b(?:anniversary|(?:a|one|two|\\d+) years? since)\\b',
      // "Her grandad, who died two years ago": a death long past, said of that death only.
      unlessAfter: ' (?:\\p{L}+ ){0,2}(?:years? ago|months ago|last year|in (?:19|20)\\d\\d)\\b',
      pattern: `passed away|died|lost (?:his|her|their|my|our) (?:${PARENT}|baby|son|daughter|husband|wife)|(?:car|road|motorbike) (?:crash|accident)|(?:has|had|have) died|died (?:suddenly|overnight|last|this|yesterday|today|on|in (?:hospital|the night|a|an|his|her))|${PARENT} died|death in the family|bereave\\w*|funeral|lost the baby|miscarri\\w*|killed (?:in|by)|terminal(?:ly)? ill|palliative`,
    },

    // Weapons and threats of violence to a child.
    {
      id: 'violence.words',
      category: 'violence',
      pattern: `stab(?:bed|bing)?|knife|knives|machete|weapons?|(?:threatened|going|gonna|promised) to (?:kill|stab|hurt|beat|batter|jump) (?:him|her|them)|death threats?`,
      unless:
        '\\b(?:knife crime|assembly|workshop|food tech\\w*|cooking|chopping|fruit|ingredients|cutlery|butter knife|dinner knife)\\b',
    },

    {
      id: 'violence.extremism',
      category: 'violence',
      pattern:
        'radicali[sz]\\w*|extremis[mt]\\w*|race war|terroris[mt]\\w*|far[- ]right|jihad\\w*|neo-?nazi\\w*|(?:attack\\w*|burn\\w*|bomb\\w*)\\W+(?:\\p{L}+\\W+){0,3}(?:mosques?|synagogues?|gurdwaras?|temples?|church(?:es)?)|do something\\W{0,2} about (?:the|that|those|a) (?:mosques?|synagogues?|gurdwaras?|temples?|church(?:es)?)',
    },

    {
      // Harmful practices the statutory guidance names (forced marriage, FGM).
      id: 'abuse.practices',
      category: 'abuse',
      pattern:
        'forced (?:to )?marr\\w+|forced marriage|married off|to marry (?:her|his|their|our|a|an) (?:cousin|uncle|older|man)|fgm|female genital|circumcis\\w*|(?:ceremony|cut|cutting) to become a woman',
    },
    {
      id: 'violence.online',
      category: 'violence',
      pattern:
        'posted (?:our|her|his|their|my) (?:home )?address|fake (?:\\p{L}+ )?(?:account|profile) (?:using|of|with|pretending)',
    },

    // A family with nowhere to stay tonight.
    {
      id: 'housing.nowhere',
      category: 'housing',
      pattern:
        "nowhere to (?:go|stay|sleep|live)|(?:don'?t|do not) know where (?:we|we'?re|we are|they|they'?re|they are) (?:sleeping|staying|going to (?:sleep|stay))|homeless|(?:house|flat|home) (?:fire|flooded|burnt down|burned down)|(?:fire|flood) (?:at|in) (?:our|the|my) (?:house|flat|home)|evicted|rest centre|emergency accommodation",
      unless:
        '\\bhomeless (?:charity|shelters?|appeal|people|collection)\\b|\\bthe homeless\\b|\\bsleep-?out\\b',
    },

    // A safeguarding concern in so many words.
    {
      id: 'safeguarding.words',
      category: 'safeguarding',
      pattern:
        "safeguarding (?:concerns?|issues?|matters?|referrals?|worry|worries|reports?)|(?:the )?dsl (?:to|needs?|know|should)|(?:tell|inform|contact|let) (?:the )?dsl|(?:at|in) (?:immediate )?(?:risk|danger)|(?:not|isn'?t|doesn'?t feel) safe (?:at home|with)|keep (?:him|her|them) safe|(?:make sure|ensure|check) (?:that )?(?:he|she|they) (?:is|are) (?:not|never) left (?:on (?:his|her|their) own|alone)|keep (?:him|her|them) in sight|(?:contact|call|ring|phone|speak to) (?:me|us)?\\s?(?:the )?safeguarding (?:lead|team|officer)|(?:the )?safeguarding (?:lead|team|officer) (?:to )?(?:contact|call|ring|phone)",
    },

    {
      // A request to keep a child in: an alarm unless it is about the weather or a cold.
      id: 'safeguarding.keepInside',
      category: 'safeguarding',
      pattern:
        '(?:please|can you|could you|make sure you|need you to|you must|must) keep (?:him|her|them) (?:inside|indoors|in the building|in school|away from (?:the )?(?:gates?|field|playground|windows?))',
      unless:
        '\\b(?:cold|cough\\w*|rain\\w*|weather|coat|wet|poorly|unwell|asthma|inhaler|plaster|cast|crutches)\\b',
    },

    // A request for urgent contact (not an urgent refund, reply or meeting).
    {
      id: 'urgent.contact',
      category: 'urgent',
      pattern:
        '(?:call|ring|phone|speak|talk|contact)\\b[^.!?\\n]{0,40}\\burgent(?:ly)?|urgent(?:ly)?\\b[^.!?\\n]{0,20}\\b(?:call|ring|phone|speak|talk)|as soon as you (?:see|read|get) this|(?:call|ring|phone) me (?:now|asap|immediately|straight away)|(?:call|ring|phone)[^.!?\\n]{0,30}(?:as soon as (?:possible|you can)|asap|straight away|right away|immediately)|(?:as )?a matter of urgency',
      unless: ADMIN_CONTEXT,
    },
    {
      id: 'urgent.emergency',
      category: 'urgent',
      pattern: "(?:this is|it'?s) an emergency|(?:medical|family) emergency",
    },
  ];
}

/** A rule that applies to the subject line alone: "URGENT - pick up today", not "Urgent refund". */
export function subjectRule(): LexiconRule {
  return {
    id: 'urgent.subject',
    category: 'urgent',
    pattern: 'urgent(?:ly)?',
    unless: adminContext(),
  };
}

/** Is this word a person: a pronoun or a relation, or a capitalised name? */
export function isPerson(word: string): boolean {
  // Words that can start a sentence or a clause but never name a person.
  const notPeople =
    /^(?:it|this|that|there|what|which|who|the|a|an|his|her|their|my|our|your|its|something|nothing|homework|work|kit|money|letter|report|form|bag|coat|book|reading|everything|anything|marks|payment|refund|email|reply|trip|bus)$/;
  const lower = word.toLowerCase();
  if (/^(?:he|she|they|him|her|them|son|daughter|child|boy|girl|brother|sister|kid)$/.test(lower))
    return true;
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !notPeople.test(lower);
}
