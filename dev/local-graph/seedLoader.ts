// Loads a seed and resolves its relative dates, so the demo never goes stale:
//   "$today", "$today+30", "$today-200"  → YYYY-MM-DD (days, in Europe/London)
//   "$now", "$now-2h", "$now-15m", "$now+1d" → an ISO instant
//   {"$json": {...}} → the object, its dates resolved, as a JSON string
import fs from 'node:fs';
import path from 'node:path';
import { addDays, londonDateOf, toGraphInstant } from './londonDates';
import type { Seed } from './seedTypes';

export const DEMO_SEED_PATH = path.join(__dirname, 'seeds', 'demo-school.json');

const RELATIVE_DAY = /^\$today(?:([+-])(\d+))?$/;
const RELATIVE_INSTANT = /^\$now(?:([+-])(\d+)([dhm]))?$/;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

export function resolveRelative(value: string, now: Date): string {
  const day = RELATIVE_DAY.exec(value);
  if (day) {
    const sign = day[1] === '-' ? -1 : 1;
    return addDays(londonDateOf(now), sign * Number(day[2] ?? 0));
  }
  const instant = RELATIVE_INSTANT.exec(value);
  if (instant) {
    const sign = instant[1] === '-' ? -1 : 1;
    const ms = Number(instant[2] ?? 0) * (UNIT_MS[instant[3] ?? 'm'] ?? 0);
    return toGraphInstant(new Date(now.getTime() + sign * ms));
  }
  return value;
}

function resolveDeep(value: unknown, now: Date): unknown {
  if (typeof value === 'string') return resolveRelative(value, now);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, now));
  // {"$json": value}: the value, dates resolved, as a JSON string (a multi-line text column that
  // holds JSON, e.g. Restriction Cases' CaseJson).
  if (value && typeof value === 'object' && Object.keys(value).length === 1 && '$json' in value)
    return JSON.stringify(resolveDeep((value as { $json: unknown }).$json, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, now)]));
  }
  return value;
}

function assertSeedShape(seed: unknown): asserts seed is Seed {
  const s = seed as Partial<Seed> | null;
  const missing = (['tenant', 'users', 'groups', 'sites', 'mailboxes'] as const).filter(
    (k) => !s || s[k] === undefined,
  );
  if (missing.length) throw new Error(`seed is missing: ${missing.join(', ')}`);
}

/** A deep copy of the seed with relative dates resolved against `now`. */
export function loadSeed(source: string | Seed | undefined, now = new Date()): Seed {
  const raw: unknown =
    source === undefined
      ? JSON.parse(fs.readFileSync(DEMO_SEED_PATH, 'utf8'))
      : typeof source === 'string'
        ? JSON.parse(fs.readFileSync(source, 'utf8'))
        : source;
  const resolved = resolveDeep(raw, now);
  assertSeedShape(resolved);
  return resolved;
}
