// Each rule of the built-in lexicon, on the words it is for and on the complaint that uses the same
// words. Sources: DOMAIN.md "Never block the emergency line"; 002 §61–62 (a restricted parent may
// still make urgent contact in an emergency, and normal school processes are followed); 004 "The
// Schools' actions…" (routine communication by letter "except in emergencies"); 000 §6.1 (the
// parent's correspondence is "read to ensure no new issues are raised"); 001 and 003 (the school
// "takes safeguarding responsibilities seriously and will deal with any reported incidents").
import { detectUrgency, lexiconRules } from '../../../../src/policy/urgency';

/** The one match a text gives, as [rule, words as written]. */
function found(subject: string, body = ''): Array<[string, string]> {
  return detectUrgency(subject, body).matches.map((m) => [m.rule, m.text]);
}
const inBody = (body: string) => found('', body);

// [rule, an email's sentence, the words it must point at]: at least one per rule.
const CATCHES: Array<[string, string, string]> = [
  ['missing.person', 'Lucas is missing, please check the field.', 'Lucas is missing'],
  ['missing.person', "She's missing and her phone is off", "She's missing"],
  ['missing.gone', 'They have gone missing from the trip.', 'They have gone missing'],
  ['missing.gone', 'He was reported missing at 6pm.', 'reported missing'],
  ['missing.notHome', "She hasn't come home and it is 7pm.", "hasn't come home"],
  ['missing.notHome', 'He has not yet got back home.', 'not yet got back home'],
  ['missing.stillOut', 'Ava is still not back from the museum', 'still not back'],
  ['missing.stillOut', 'It is dark and he is not home yet', 'not home yet'],
  ['missing.neverArrived', 'Mia never arrived at her dad’s', 'Mia never arrived'],
  ['missing.neverArrived', "he didn't turn up at the club", "he didn't turn up"],
  ['missing.whereabouts', 'No one knows where he is.', 'No one knows where he is'],
  ['missing.whereabouts', "I can't find my son anywhere", "can't find my son"],
  ['missing.notSeen', 'Tyler hasnt been seen since registration', 'hasnt been seen'],
  ['missing.unreachable', "I can't get hold of him at all", "can't get hold of him"],
  ['missing.unreachable', 'Her location is off since 4.', 'location is off'],
  ['missing.unreachable', 'She should have been home at 4', 'should have been home'],
  ['missing.ranAway', 'I think he has run away', 'run away'],
  ['injury.word', 'These injuries were not there this morning', 'injuries'],
  ['injury.word', 'A&E think she has concussion', 'concussion'],
  ['injury.hurt', 'Finley is badly hurt', 'badly hurt'],
  ['injury.broken', "Leo's arm is broken in two places", 'arm is broken'],
  ['injury.broken', 'She broke her wrist in PE', 'broke her wrist'],
  ['injury.bruises', 'bruising on both arms', 'bruising'],
  ['injury.body', 'He dislocated his shoulder', 'dislocated'],
  ['injury.body', 'he banged his head on the frame', 'banged his head'],
  ['injury.bleeding', 'she is bleeding from her ear', 'bleeding'],
  ['injury.accident', 'there has been an accident on the trip', 'been an accident'],
  ['hospital.ambulance', 'An ambulance was called to school', 'ambulance'],
  ['hospital.in', 'We are in hospital with Oscar', 'in hospital'],
  ['hospital.in', 'Dylan was taken to the children’s hospital', "taken to the children's hospital"],
  ['hospital.care', 'Isla was hospitalised last night', 'hospitalised'],
  ['hospital.care', 'We are in A&E with Harvey', 'A&E'],
  ['hospital.care', 'Tom was admitted overnight', 'admitted overnight'],
  ['illness.serious', 'Amira is very unwell', 'very unwell'],
  ['illness.serious', 'Poppy is not well at all', 'not well at all'],
  ['illness.acute', 'Jacob had a seizure this morning', 'seizure'],
  ['illness.acute', "I can't wake him properly", "can't wake him"],
  ['illness.named', "Charlie's blood sugar was 2.1", 'blood sugar'],
  ['allergy.reaction', 'Olivia had an allergic reaction', 'allergic reaction'],
  ['allergy.medicine', 'HER EPIPEN WAS NOT IN HER BAG', 'EPIPEN'],
  ['allergy.reaction', 'he went into anaphylaxis', 'anaphylaxis'],
  ['allergy.reaction', 'she is allergic to sesame', 'allergic to'],
  ['selfHarm.words', 'I think she has been cutting herself', 'cutting herself'],
  ['selfHarm.words', 'he admitted self-harming', 'self-harming'],
  ['suicide.words', 'he wants to kill himself', 'kill himself'],
  ['suicide.words', "Ethan said he doesn't want to be alive", "doesn't want to be alive"],
  ['suicide.words', "he didn't want to wake up tomorrow", "didn't want to wake up"],
  ['suicide.words', 'Kayden took an overdose', 'overdose'],
  ['abuse.physical', 'his dad hits him with a belt', 'hits him'],
  ['abuse.physical', "her mum's boyfriend hurts her", 'hurts her'],
  ['abuse.sexual', 'her step-grandad touched her', 'touched her'],
  ['abuse.sexual', 'sending sexual messages to my 12 year old', 'sexual messages'],
  ['abuse.named', 'I am leaving because of domestic abuse', 'domestic abuse'],
  ['abuse.named', 'he is not being fed at home', 'not being fed'],
  ['abuse.fear', 'she is scared to go home', 'scared to go home'],
  ['abuse.fear', 'he is terrified of his stepdad', 'terrified of his stepdad'],
  ['allegation.contact', 'the TA has been messaging my daughter at night', 'messaging my daughter'],
  ['allegation.contact', 'he told her not to tell anyone', 'told her not to tell anyone'],
  ['allegation.contact', 'He says she looks mature for 14', 'mature for 14'],
  ['allegation.contact', 'and says not to tell her mum', 'says not to tell her mum'],
  ['allegation.word', 'Allegation about a teacher', 'Allegation'],
  ['collection.order', 'There is a court order in place', 'court order'],
  ['collection.order', 'We have a prohibited steps order', 'prohibited steps'],
  ['collection.notAllowed', 'Her father is not allowed to collect her', 'not allowed to collect'],
  ['collection.notAllowed', 'Amelia must not be released to anyone', 'must not be released'],
  ['collection.notAllowed', 'do not hand the children over', 'do not hand the children over'],
  ['police.event', 'The police are at our house', 'police are'],
  ['police.event', 'My husband was arrested last night', 'arrested'],
  ['police.event', 'I have rung the police too', 'rung the police'],
  ['stranger.words', 'A stranger approached my son', 'stranger'],
  ['stranger.words', 'There was a man at the gate taking photos', 'man at the gate'],
  ['stranger.words', 'a lady asked her to get in the car', 'asked her to get in'],
  ['socialCare.words', 'Social services have been to see us', 'Social services'],
  ['socialCare.words', 'a child protection meeting on Friday', 'child protection'],
  ['bereavement.words', "Harry's dad passed away on Sunday", 'passed away'],
  ['bereavement.words', 'Their grandmother died overnight', 'died'],
  ['bereavement.words', 'Mollie lost her dad on Saturday', 'lost her dad'],
  ['violence.words', 'he is going to stab him after school', 'going to stab him'],
  ['violence.words', 'a boy had a knife in his bag', 'knife'],
  ['safeguarding.words', 'I want to raise a safeguarding concern', 'safeguarding concern'],
  ['safeguarding.words', 'I need the DSL to talk to her', 'the DSL to'],
  ['urgent.contact', 'I need to speak to someone urgently about Jade', 'speak to someone urgently'],
  ['urgent.contact', 'please phone me as a matter of urgency', 'as a matter of urgency'],
  ['urgent.contact', 'Please ring me as soon as you see this', 'as soon as you see this'],
  ['urgent.emergency', "It's an emergency, please call", "It's an emergency"],
  // Paraphrases found missing on held-out mail (tools/bench/corpus, sets 2 and 3).
  ['missing.neverArrived', 'Kyle never made it to school today', 'Kyle never made it to school'],
  [
    'missing.whereabouts',
    "Aidan wasn't there and nobody knew where he'd gone",
    "nobody knew where he'd gone",
  ],
  ['missing.whereabouts', 'Where is he??', 'Where is he?'],
  [
    'missing.absentButLeft',
    'The text says Jacob is absent. I dropped him at the corner at 8.35.',
    'absent',
  ],
  ['injury.body', 'shes fell on the stairs & her ankle is massive', 'fell on the stairs'],
  ['injury.body', 'she cant stand on it', 'cant stand on it'],
  ['injury.body', 'no one has come to help her', 'no one has come to help her'],
  ['illness.named', 'She sounded really wheezy', 'wheezy'],
  ['illness.named', 'she can hardly get her words out', 'can hardly get her words out'],
  ['illness.named', "she's reading 2.8 and dropping", 'reading 2.8'],
  ['allergy.medicine', 'Please give him his antihistamine now', 'antihistamine'],
  ['selfHarm.words', 'there were fresh cuts on both wrists', 'fresh cuts'],
  ['selfHarm.words', 'her forearms are covered in cuts', 'forearms are covered in cuts'],
  ['selfHarm.words', "I'm worried she's taken a blade with her", 'taken a blade'],
  [
    'suicide.words',
    "he doesn't see the point in living any more",
    "doesn't see the point in living",
  ],
  [
    'suicide.words',
    'nobody at school would notice if he was gone',
    'nobody at school would notice if he was gone',
  ],
  ['suicide.words', "she's thinking about ending it", 'thinking about ending it'],
  ['suicide.words', 'looking up how many paracetamol it takes', 'how many paracetamol'],
  ['abuse.named', 'her stepmum made her sleep in the shed', 'made her sleep in'],
  [
    'abuse.named',
    'found the two of them on their own, no electric',
    'found the two of them on their own',
  ],
  ['abuse.named', "they've been going to school hungry", 'been going to school hungry'],
  ['abuse.handled', 'She dragged him across the hall by his collar', 'dragged him'],
  ['abuse.handled', 'He has a red mark around his neck', 'red mark around his neck'],
  ['abuse.sexual', 'A man she met on a game has been asking her for pictures', 'she met on a game'],
  ['abuse.sexual', 'he is threatening to send it to everyone', 'threatening to send it'],
  ['abuse.sexual', 'a girl got him to send a picture', 'got him to send a picture'],
  ['abuse.sexual', 'asking what school he goes to', 'asking what school he goes'],
  ['collection.order', 'theres a non molestion order against him', 'non molestion order'],
  [
    'collection.order',
    'he will collect Amy today although the court order says he must not',
    'court order',
  ],
  ['collection.notAllowed', "He's not allowed contact with Maya", 'not allowed contact'],
  ['collection.doNotLet', 'Do not let Danielle go with them', 'Do not let Danielle go with'],
  [
    'stranger.words',
    'My ex is parked across the road from the school',
    'parked across the road from the school',
  ],
  ['violence.extremism', "pages printed off about 'the race war'", 'race war'],
  ['housing.nowhere', "We've got nowhere to go tonight.", 'nowhere to go'],
  [
    'housing.nowhere',
    "I don't know where we're sleeping tonight",
    "don't know where we're sleeping",
  ],
  ['safeguarding.keepInside', 'Please keep her inside at lunch', 'Please keep her inside'],
  [
    'safeguarding.words',
    'Please can the safeguarding lead contact me',
    'the safeguarding lead contact',
  ],
  // Paraphrases found missing on held-out set 4.
  ['missing.gone', "As you know he's gone missing three times before", "he's gone missing"],
  [
    'missing.notComingBack',
    'he is not coming back to placement tonight',
    'not coming back to placement tonight',
  ],
  ['missing.notComingBack', 'his passport is gone from the drawer', 'passport is gone'],
  ['suicide.words', 'ive taken the tablets from your drawer', 'taken the tablets'],
  [
    'suicide.notHere',
    "I won't be here for the residential anyway",
    "won't be here for the residential anyway",
  ],
  ['abuse.named', 'his dad makes him sleep in the shed', 'makes him sleep in'],
  ['abuse.named', "he hadn't had anything to eat since Friday", "hadn't had anything to eat"],
  ['abuse.physical', 'my husband attacked me in front of the children', 'attacked me'],
  ['abuse.practices', 'booked her a one-way ticket to marry our cousin', 'to marry our cousin'],
  ['abuse.practices', 'a special ceremony to become a woman', 'ceremony to become a woman'],
  ['allegation.contact', 'and told him not to tell Mummy', 'told him not to tell Mummy'],
  [
    'collection.doNotLet',
    'Please do NOT let him take them if he comes',
    'do NOT let him take them',
  ],
  ['collection.notAllowed', 'the interim order prohibits him from attending', 'interim order'],
  [
    'violence.online',
    'a fake account using her photos has posted our home address',
    'posted our home address',
  ],
  [
    'violence.extremism',
    'someone needs to "do something" about the mosque',
    'do something" about the mosque',
  ],
  [
    'safeguarding.words',
    'make sure she is not left on her own',
    'make sure she is not left on her own',
  ],
  // Emergencies a defusing context must not silence (review of the widening, set 4).
  ['illness.named', 'She has never had a hypo before but her blood sugar is 2.1', 'hypo'],
  [
    'illness.asthma',
    'He has never had an asthma attack before and now he cannot breathe',
    'asthma attack',
  ],
  [
    'abuse.sexual',
    'I asked her why she was crying and she said Mr Hale touched her.',
    'touched her',
  ],
  ['allergy.medicine', 'Her EpiPen was used at lunch, please replace it', 'EpiPen'],
  ['allergy.medicine', 'give her a dose of Piriton and use her EpiPen', 'Piriton'],
  [
    'injury.body',
    'He fell off the climbing frame and banged his head; he had only just recovered from a cold',
    'fell off the climbing frame',
  ],
  ['bereavement.words', 'Her mum died last year and this morning her dad died too.', 'dad died'],
  [
    'socialCare.words',
    'Social services came to the house last night because the school closed early.',
    'Social services',
  ],
  ['police.event', "I'd already called the police before I rang you", 'called the police'],
  [
    'abuse.sexual',
    "she's been talking to online and he asks her things",
    "she's been talking to online",
  ],
  [
    'missing.notComingBack',
    'he says he is leaving soon and will not come back',
    'leaving soon and will not come back',
  ],
];

describe('the built-in lexicon: what each rule catches (DOMAIN.md "Never block the emergency line")', () => {
  test.each(CATCHES)('002 §62: %s catches "%s"', (rule, text, span) => {
    expect(inBody(text)).toContainEqual([rule, span]);
  });

  test('every rule of the lexicon has an example above (a new rule comes with its test)', () => {
    const tested = new Set(CATCHES.map(([rule]) => rule));
    expect(
      lexiconRules()
        .map((r) => r.id)
        .filter((id) => !tested.has(id)),
    ).toEqual([]);
  });
});

// The complaint that uses the same words: no alarm (000 §6.1: read for new issues; a new issue is
// dealt with on its merits, an alarm on every complaint teaches staff to ignore it).
const DEFUSED: Array<[string, string]> = [
  ['missing homework', 'Once again a text about missing homework. He handed it in.'],
  ['a thing missing', 'Sasha\u2019s PE kit has been missing since Wednesday.'],
  ['money missing', '£5 went missing from his bag in PE.'],
  ['missing out', 'Why is Jacob always missing out on the reward trips? He is missing out.'],
  ['a report missing marks', 'The report that came home is missing the marks for music.'],
  ['a thing that never arrived', 'The refund never arrived.'],
  ['police as a threat', 'If this detention goes ahead I will go to the police about this.'],
  ['police as a threat (reporting)', 'I will be contacting the police and my solicitor.'],
  ['police as a threat (if)', 'If anyone parks there again I will call the police.'],
  ['social services as a threat', 'I will be contacting social services myself about this school.'],
  ['an emergency contact form', 'Please find attached the emergency contact form.'],
  ['not an emergency', 'This is not an emergency but the uniform list is wrong.'],
  ['an urgent refund', 'I require an urgent refund of the £45.'],
  ['an urgent reply', 'I need an urgent reply about the blazer. Please call the shop.'],
  ['abuse of power', 'What Mr Collins did was an abuse of power.'],
  ['abuse as hyperbole', 'Making them stand in the rain is abuse. Asking questions is not abuse.'],
  ['killing as hyperbole', "You are killing my child's confidence."],
  ['a hospital appointment', 'Ruby has a hospital appointment on the 12th.'],
  ['a planned operation', 'My mum is going into hospital for a knee operation.'],
  ['an old, healed injury', 'His ankle injury is healed now.'],
  ['an injury feared', 'If my son gets injured playing rugby I will hold you responsible.'],
  ['hurt feelings', 'She was really hurt that she was not picked.'],
  ['a little accident', 'He had a little accident with his paint pot.'],
  ['died as an idiom', 'I nearly died of embarrassment at parents evening.'],
  ['knife crime assembly', 'an assembly about knife crime for year 5'],
  ['the safeguarding policy', 'Your safeguarding policy says nothing about phones.'],
  ['who the DSL is', 'Who is your DSL now?'],
  ['allegations against the parent', 'These allegations against me are false.'],
  ['court as a threat', 'I will get a court order if you carry on.'],
  ['kicked out of a lesson', 'The teacher kicked him out of the lesson.'],
  ['a minor illness', 'Oscar is off sick today with a sore throat, nothing serious.'],
  ['a name starting a sentence about a thing', 'Homework is missing from Teams.'],
  // Found on held-out mail (tools/bench/corpus, set 3): the same words about routine business.
  [
    'a medicine kept in date',
    'The dose on his EpiPen has gone up and the new pens are in his bag.',
  ],
  ['an asthma attack that has not happened', "He hasn't had an asthma attack in over a year."],
  ['a child protection policy', "I have been reading the school's child protection policy."],
  ['a bereavement last year', 'Next week is a year since my mum passed away.'],
  ['a police assembly', 'A police officer came in to do an assembly about road safety.'],
  ['an injury predicted', 'Someone is going to get injured on that surface.'],
  [
    'a knife for cooking',
    'Do they need to bring their own knife and chopping board for food tech?',
  ],
  ['the writer arranging a meeting', 'I have arranged to meet her at the office on Monday.'],
  ['a register mistake', 'He was marked absent but he was in class, I dropped him at the gate.'],
  // Found on held-out set 4.
  ['lost kit called urgent (subject)', 'URGENT - PE kit missing AGAIN'],
  [
    'a letter that never came home',
    "Poppy's letter never came home and there is nothing on the app.",
  ],
  ['a social worker by trade', "I'm a social worker and my visits usually run late."],
  [
    'an old fracture, healed',
    'The wrist he broke had its last fracture clinic visit and is fully healed.',
  ],
  [
    'a past referral, closed',
    "Records of the referral to children's services in 2024, closed with no further action.",
  ],
  // False alarms found by review of the widening: ordinary complaint mail.
  ['a threat through a relative', "I'm going to contact social services about this school."],
  [
    'the solicitor will write',
    'My solicitor will be in touch about the court order you mentioned.',
  ],
  ['kept in at break', 'Why did you keep her inside at break because it is raining?'],
  ['a teacher arranging to meet', 'Her teacher wants to meet her in the library after school.'],
  ['photos of a project', 'The teacher asked her for photos of her project.'],
  ['where are the photos', 'You promised me the trip photos. Where are they?'],
  ['missing parents evening', "I won't be here for parents' evening anyway."],
  ['leaving the school', 'He will not come back to this school next year.'],
  ['absent for the dentist', 'He was marked absent on Tuesday because I took him to the dentist.'],
  ['a homeless shelter', 'The sleep-out for the homeless shelter is on Friday.'],
  ['a list of churches', 'Her RE homework was a list of local churches.'],
  ['a leavers event', 'The leavers want to do something people will remember.'],
  ['anyone, not a person', "Please don't let anyone take them outside without coats."],
  ['help with reading', 'Nobody came to help her with her reading.'],
  ['a cold classroom', 'There was no heating, the classroom was freezing.'],
  ['breakfast club shut', 'He went to school hungry because breakfast club was shut.'],
  ['a ball thrown', 'The coach threw him a ball and he dropped it.'],
  ['a book for older children', 'That book is too mature for a 9 year old reader.'],
  ['growing up', 'She is starting to become a woman, can we talk about PSHE?'],
  ['a death long past', 'She would like to do it about her grandad, who died two years ago.'],
  ['hay fever', 'She may need an antihistamine in the summer term for hay fever.'],
];

describe('defusing contexts: a complaint that uses the same words raises no alarm', () => {
  test.each(DEFUSED)('000 §6.1: %s', (_why, text) => {
    expect(inBody(text)).toEqual([]);
  });
});

describe('the subject line', () => {
  test('004 "except in emergencies": URGENT in the subject counts, unless it is about the business of a complaint', () => {
    expect(found('URGENT - pick up today')).toEqual([['urgent.subject', 'URGENT']]);
    expect(found('Please call urgently')).toEqual([
      ['urgent.contact', 'call urgently'],
      ['urgent.subject', 'urgently'],
    ]);
    expect(found('Urgent refund')).toEqual([]);
    expect(found('URGENT: response required')).toEqual([]);
    expect(found('Urgent - meeting time')).toEqual([]);
  });
  test('002 §62: every other rule reads the subject too', () => {
    expect(found('Lucas is missing')).toEqual([['missing.person', 'Lucas is missing']]);
  });
  test('"urgent" in the body alone is not enough: only a request for urgent contact', () => {
    expect(inBody('This is now urgent. I asked for a meeting in February.')).toEqual([]);
  });
});
