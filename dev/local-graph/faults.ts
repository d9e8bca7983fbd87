// Fault injection: throttling (429), unavailability (503) and "offline", deterministic when seeded.

export interface FaultOptions {
  throttleRate?: number;
  unavailableRate?: number;
  retryAfterSeconds?: number;
  down?: boolean;
  /**
   * Delta pages return changed items without `fields` (id, eTag and dates only), as users report
   * of SharePoint list delta; a client must not take such an item for an empty record.
   */
  deltaWithoutFields?: boolean;
}

export type FaultOutcome = 'none' | 'throttle' | 'unavailable';

/** mulberry32: a tiny seeded PRNG, enough to make fault sequences repeatable in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clampRate = (r: number | undefined) =>
  Math.min(1, Math.max(0, Number.isFinite(r) ? (r as number) : 0));

/** One draw per request: [0, throttle) → 429, [throttle, throttle + unavailable) → 503. */
export function rollFault(faults: FaultOptions, random: () => number): FaultOutcome {
  const throttle = clampRate(faults.throttleRate);
  const unavailable = clampRate(faults.unavailableRate);
  if (!throttle && !unavailable) return 'none';
  const r = random();
  if (r < throttle) return 'throttle';
  if (r < throttle + unavailable) return 'unavailable';
  return 'none';
}

export function validateFaults(input: unknown): FaultOptions {
  const f = (input ?? {}) as Record<string, unknown>;
  const out: FaultOptions = {};
  for (const k of ['throttleRate', 'unavailableRate'] as const) {
    if (f[k] === undefined) continue;
    const v = f[k];
    if (typeof v !== 'number' || v < 0 || v > 1)
      throw new Error(`${k} must be a number from 0 to 1`);
    out[k] = v;
  }
  if (f.retryAfterSeconds !== undefined) {
    const v = f.retryAfterSeconds;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new Error('retryAfterSeconds must be a whole number of seconds');
    out.retryAfterSeconds = v;
  }
  for (const k of ['down', 'deltaWithoutFields'] as const) {
    if (f[k] === undefined) continue;
    if (typeof f[k] !== 'boolean') throw new Error(`${k} must be true or false`);
    out[k] = f[k];
  }
  return out;
}
