// Builds the add-in's configuration for a profile: config/<profile>.json, then an optional
// contact-guard.config.json at the top of the project (a school's own values, not committed),
// then CG_* environment variables. The result is baked into the bundle (see README "Configuration").
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function mergeDeep(base, extra) {
  const out = { ...base };
  for (const [k, v] of Object.entries(extra || {})) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? mergeDeep(base[k] || {}, v) : v;
  }
  return out;
}

function envOverrides(env) {
  const o = {};
  const set = (keys, value) => {
    if (value === undefined || value === '') return;
    let t = o;
    keys.slice(0, -1).forEach((k) => (t = t[k] = t[k] || {}));
    t[keys[keys.length - 1]] = value;
  };
  set(['graphBaseUrl'], env.CG_GRAPH_BASE_URL);
  set(['auth', 'clientId'], env.CG_CLIENT_ID);
  set(['auth', 'tenantId'], env.CG_TENANT_ID);
  // Scope sets (README "Sign-in"): staff's at sign-in, the reviewer's and admin's extras when first used.
  const scopeList = (value) => value.split(/[\s,]+/).filter(Boolean);
  if (env.CG_SCOPES) set(['auth', 'scopes'], scopeList(env.CG_SCOPES));
  if (env.CG_REVIEWER_SCOPES !== undefined && env.CG_REVIEWER_SCOPES !== '')
    set(['auth', 'reviewerScopes'], scopeList(env.CG_REVIEWER_SCOPES));
  if (env.CG_ADMIN_SCOPES !== undefined && env.CG_ADMIN_SCOPES !== '')
    set(['auth', 'adminScopes'], scopeList(env.CG_ADMIN_SCOPES));
  set(['sharePoint', 'hostname'], env.CG_SP_HOSTNAME);
  set(['sharePoint', 'sitePath'], env.CG_SP_SITE_PATH);
  set(['sharePoint', 'lists', 'restrictions'], env.CG_LIST_RESTRICTIONS);
  set(['groups', 'staff'], env.CG_GROUP_STAFF);
  set(['groups', 'reviewers'], env.CG_GROUP_REVIEWERS);
  set(['groups', 'admins'], env.CG_GROUP_ADMINS);
  if (env.CG_ACCEPTED_DOMAINS)
    set(['mail', 'acceptedDomains'], env.CG_ACCEPTED_DOMAINS.split(/[\s,]+/).filter(Boolean));
  if (env.CG_CACHE_TRUST_MINUTES) set(['cacheTrustMinutes'], Number(env.CG_CACHE_TRUST_MINUTES));
  return o;
}

// The words that were the default urgentKeywords before the built-in lexicon (issue 14). Matched
// whole with no context they raise the alarm on ordinary complaints ("missing homework", "I will go
// to the police"); the lexicon now handles them. A school's list that still has them gets a warning.
const OLD_DEFAULT_URGENT_WORDS = [
  'urgent',
  'emergency',
  'hospital',
  'injured',
  'injury',
  'police',
  'safeguarding',
  'missing',
  'ambulance',
  'unwell',
  'not well',
  'accident',
];

/** Plain messages about config/mail.urgentKeywords entries that now do more harm than good. */
function urgentKeywordWarnings(config) {
  const words = config && config.mail && config.mail.urgentKeywords;
  if (!Array.isArray(words)) return [];
  const old = words.filter(
    (w) => typeof w === 'string' && OLD_DEFAULT_URGENT_WORDS.includes(w.trim().toLowerCase()),
  );
  return old.length === 0
    ? []
    : [
        `mail.urgentKeywords now lists only the school's extra words (the built-in lexicon always applies and reads ` +
          `these in context); ${old.map((w) => `"${w}"`).join(', ')} matched on their own would flag ordinary ` +
          `complaints ("missing homework", "I will go to the police"): remove them (docs/urgency.md).`,
      ];
}

function loadBuildConfig(profile, env = process.env) {
  const file = path.join(root, 'config', `${profile}.json`);
  if (!fs.existsSync(file)) throw new Error(`Unknown profile "${profile}": no ${file}`);
  let config = readJson(file);
  const local = path.join(root, 'contact-guard.config.json');
  if (profile === 'production' && fs.existsSync(local)) config = mergeDeep(config, readJson(local));
  const merged = mergeDeep(config, envOverrides(env));
  for (const warning of urgentKeywordWarnings(merged))
    console.warn(`contact-guard config: ${warning}`);
  return merged;
}

module.exports = { loadBuildConfig, urgentKeywordWarnings };
