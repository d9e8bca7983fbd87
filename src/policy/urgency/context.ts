// The sentence around a match, for the defusing contexts: "missing" in "missing homework", "police"
// in "I will go to the police". A sentence ends at . ! ? or a line break. Pure.

export interface Sentence {
  /** The whole sentence the match is in. */
  whole: string;
  /** The sentence up to the match (what was said before it). */
  before: string;
  /** The sentence after the match (what follows it). */
  after: string;
}

const END = /[.!?\n]/;

export function sentenceAround(text: string, start: number, end: number): Sentence {
  let from = start;
  while (from > 0 && !END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !END.test(text[to]!)) to++;
  return {
    whole: text.slice(from, to),
    before: text.slice(from, start),
    after: text.slice(end, to),
  };
}
