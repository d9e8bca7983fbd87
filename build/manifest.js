// Production host rewrite for manifest.xml, and the webpack plugin that emits it together with the
// well-known file that lets classic Outlook on Windows' event runtime use SSO and CORS.
// manifest.xml is written for https://localhost:3000 (the dev server, and what the offline
// validation in test/manifest checks); a production build swaps that origin for the school's
// hosting origin, so there is one manifest to maintain, not two that drift apart.
// Plain CommonJS: webpack.config.js requires it without a TypeScript step.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const DEV_ORIGIN = 'https://localhost:3000';
// Not followed by another digit, so a stray "https://localhost:30001" is not half-rewritten.
const DEV_ORIGIN_PATTERN = /https:\/\/localhost:3000(?![0-9])/g;

/**
 * Checks that `origin` is exactly `https://host[:port]`: https (Office loads add-ins only over
 * TLS), lower case, no path, no trailing slash, no query, no credentials. Returns it unchanged.
 * @param {unknown} origin
 * @returns {string}
 */
function assertHttpsOrigin(origin) {
  const example = 'e.g. https://contactguard.example.sch.uk';
  if (typeof origin !== 'string' || origin.trim() === '') {
    throw new Error(
      `Add-in origin is missing: give the https origin the add-in is served from (${example}).`,
    );
  }
  let parsed;
  try {
    parsed = new URL(origin);
  } catch {
    throw new Error(`Add-in origin "${origin}" is not a URL (${example}).`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(
      `Add-in origin "${origin}" must use https: Office loads add-ins only over TLS (${example}).`,
    );
  }
  if (origin.endsWith('/')) {
    throw new Error(
      `Add-in origin "${origin}" must not end with "/": paths are appended to it (${example}).`,
    );
  }
  if (parsed.origin !== origin) {
    // Covers paths, queries, fragments, credentials, upper case and an explicit :443.
    throw new Error(
      `Add-in origin "${origin}" must be exactly scheme://host[:port], here "${parsed.origin}"?`,
    );
  }
  return origin;
}

/**
 * Replaces the development origin (https://localhost:3000) in a manifest with `origin`.
 * Throws when the origin is not a bare https origin, or when a localhost URL would survive the
 * rewrite (a manifest that points school staff at their own machine fails silently in Outlook).
 * @param {string} xml the manifest text
 * @param {string} origin e.g. "https://contactguard.example.sch.uk"
 * @returns {string}
 */
function rewriteManifestHost(xml, origin) {
  assertHttpsOrigin(origin);
  const rewritten = xml.replace(DEV_ORIGIN_PATTERN, origin);
  const targetIsLocal = /localhost/i.test(origin);
  if (!targetIsLocal && /localhost/i.test(rewritten)) {
    throw new Error(
      `manifest.xml still mentions localhost after rewriting ${DEV_ORIGIN}: use exactly ${DEV_ORIGIN} for every add-in URL.`,
    );
  }
  return rewritten;
}

/** Where Office looks for the list of JavaScript files allowed SSO/CORS, at the origin's root. */
const WELL_KNOWN_PATH = '.well-known/microsoft-officeaddins-allowed.json';

/** Resolves bt:Url ids to their DefaultValue in a manifest (add-in-only XML, our own layout). */
function urlResources(xml) {
  const urls = new Map();
  for (const match of xml.matchAll(/<bt:Url\s+id="([^"]+)"\s+DefaultValue="([^"]+)"\s*\/>/g)) {
    urls.set(match[1], match[2]);
  }
  return urls;
}

/**
 * The JavaScript files a manifest's Runtime Override type="javascript" names: the files classic
 * Outlook on Windows loads into its JavaScript-only event runtime. Throws when an Override's resid
 * names no bt:Url.
 * @param {string} xml the manifest text
 * @returns {string[]}
 */
function javascriptRuntimeUrls(xml) {
  const urls = urlResources(xml);
  const found = [];
  for (const match of xml.matchAll(/<Override\s+([^>]*)\/?>/g)) {
    const attributes = match[1];
    if (!/\btype="javascript"/.test(attributes)) continue;
    const resid = /\bresid="([^"]+)"/.exec(attributes)?.[1];
    const url = resid === undefined ? undefined : urls.get(resid);
    if (url === undefined) {
      throw new Error(
        `manifest.xml: Override type="javascript" resid="${resid ?? ''}" names no bt:Url.`,
      );
    }
    found.push(url);
  }
  return found;
}

/**
 * The well-known file's content for a manifest: `{"allowed": [...]}`, listing every JavaScript
 * runtime file the manifest names. Microsoft: "This file must contain a JSON object with an
 * attribute named allowed whose value is an array of all JavaScript files authorized for SSO";
 * served at <origin>/.well-known/microsoft-officeaddins-allowed.json, on the add-in's own origin.
 * Only classic Outlook on Windows reads it (the other clients load the HTML page instead).
 * https://learn.microsoft.com/office/dev/add-ins/develop/use-sso-in-event-based-activation
 * Throws when a listed file is not on `origin`: the file can only vouch for its own origin.
 * @param {string} xml the manifest text, already rewritten to `origin`
 * @param {string} origin the origin the manifest and the well-known file are served from
 * @returns {string} JSON text, or "" when the manifest has no JavaScript runtime
 */
function wellKnownAllowedJson(xml, origin) {
  assertHttpsOrigin(origin);
  const allowed = javascriptRuntimeUrls(xml);
  if (allowed.length === 0) return '';
  for (const url of allowed) {
    if (new URL(url).origin !== origin) {
      throw new Error(
        `${WELL_KNOWN_PATH} on ${origin} cannot allow "${url}": it is on another origin.`,
      );
    }
  }
  return `${JSON.stringify({ allowed }, null, 2)}\n`;
}

const PLUGIN_NAME = 'ManifestPlugin';

/**
 * Emits manifest.xml into webpack's output, rewritten to `options.origin` when one is given, and
 * .well-known/microsoft-officeaddins-allowed.json listing the manifest's JavaScript runtime file
 * (the handler bundle) on the same origin. Without an origin the development manifest is emitted
 * as is, with a warning in production mode.
 */
class ManifestPlugin {
  /**
   * @param {{ origin?: string, manifestPath?: string, filename?: string }} [options]
   *   origin: https origin to serve the add-in from; undefined or "" keeps https://localhost:3000.
   *   manifestPath: source manifest, default <webpack context>/manifest.xml.
   *   filename: output name, default manifest.xml.
   */
  constructor(options = {}) {
    const origin = options.origin === '' ? undefined : options.origin;
    // Fail when the config is built, not half-way through a build.
    if (origin !== undefined) assertHttpsOrigin(origin);
    this.origin = origin;
    this.manifestPath = options.manifestPath;
    this.filename = options.filename ?? 'manifest.xml';
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const manifestPath = path.resolve(compiler.context, this.manifestPath ?? 'manifest.xml');

    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(manifestPath); // rebuild in watch mode when it changes
          let xml;
          let wellKnown;
          try {
            xml = fs.readFileSync(manifestPath, 'utf8');
            if (this.origin !== undefined) xml = rewriteManifestHost(xml, this.origin);
            wellKnown = wellKnownAllowedJson(xml, this.origin ?? DEV_ORIGIN);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${reason}`));
            return;
          }
          if (this.origin === undefined && compiler.options.mode === 'production') {
            compilation.warnings.push(
              new WebpackError(
                `${PLUGIN_NAME}: no origin given, so ${this.filename} still points at ${DEV_ORIGIN}.`,
              ),
            );
          }
          compilation.emitAsset(this.filename, new sources.RawSource(xml));
          if (wellKnown === '') {
            compilation.warnings.push(
              new WebpackError(
                `${PLUGIN_NAME}: the manifest names no JavaScript runtime, so no ${WELL_KNOWN_PATH}.`,
              ),
            );
          } else {
            compilation.emitAsset(WELL_KNOWN_PATH, new sources.RawSource(wellKnown));
          }
        },
      );
    });
  }
}

module.exports = {
  rewriteManifestHost,
  assertHttpsOrigin,
  javascriptRuntimeUrls,
  wellKnownAllowedJson,
  ManifestPlugin,
  DEV_ORIGIN,
  WELL_KNOWN_PATH,
};
