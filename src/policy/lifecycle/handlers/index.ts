// The transition table: one small handler per decision kind (see common.ts for the row's shape).
import type { TransitionTable } from './common';
import { decideAppeal, recordAppeal } from './appeal';
import { confirm, overturn, recordRepresentations } from './chair';
import { issueWarning, recordConcern } from './early';
import { impose } from './impose';
import { end, extend, review, vary } from './inForce';

export const TRANSITIONS: TransitionTable = {
  recordConcern,
  issueWarning,
  impose,
  recordRepresentations,
  confirm,
  overturn,
  review,
  extend,
  vary,
  end,
  recordAppeal,
  decideAppeal,
};
