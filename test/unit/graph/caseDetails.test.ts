// The fairness and letter-facts columns of Restriction Cases, read and written (000 §1.1, §5.2;
// 002 §68-69): empty clears, a damaged LetterFacts is read as nothing, never guessed at.
import { detailsFields, readCaseDetails } from '../../../src/graph/repositories/casesRepository';

it('000 §1.1, 002 §69: reads the columns and only the known letter facts', () => {
  expect(
    readCaseDetails({
      ReasonableAdjustments: ' Large print ',
      Representative: '',
      LetterFacts: JSON.stringify({ parentExplanation: 'Why.', reasons: 'private', incidentAt: 7 }),
    }),
  ).toEqual({
    fairness: { adjustments: 'Large print' },
    letterFacts: { parentExplanation: 'Why.' },
  });
  expect(readCaseDetails({ LetterFacts: '{not json' })).toEqual({ fairness: {}, letterFacts: {} });
  expect(readCaseDetails({ LetterFacts: '[1]' })).toEqual({ fairness: {}, letterFacts: {} });
});

it('writes every column, an empty one as null (cleared), with texts capped', () => {
  expect(detailsFields({ fairness: { representative: ' Sam ' }, letterFacts: {} })).toEqual({
    ReasonableAdjustments: null,
    Representative: 'Sam',
    LetterFacts: null,
  });
  const long = 'x'.repeat(5000);
  const out = detailsFields({
    fairness: { adjustments: long },
    letterFacts: { reportedBy: 'Mrs J' },
  });
  expect(out.ReasonableAdjustments).toHaveLength(4000);
  expect(JSON.parse(out.LetterFacts!)).toEqual({ reportedBy: 'Mrs J' });
});
