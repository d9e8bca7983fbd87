// build/manifest.js: the well-known file that classic Outlook on Windows reads before it lets the
// event handlers' JavaScript-only runtime use SSO or CORS (issue 12). Microsoft's format:
// {"allowed": [<each JavaScript file>]}, at <origin>/.well-known/microsoft-officeaddins-allowed.json
// (https://learn.microsoft.com/office/dev/add-ins/develop/use-sso-in-event-based-activation).
// The production build emits it next to manifest.xml; launchevent.js itself need not exist yet.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { HANDLER_BUNDLE_FILE } from '../../../src/launchevent/names';

interface BuildManifestModule {
  DEV_ORIGIN: string;
  WELL_KNOWN_PATH: string;
  rewriteManifestHost(xml: string, origin: string): string;
  javascriptRuntimeUrls(xml: string): string[];
  wellKnownAllowedJson(xml: string, origin: string): string;
  ManifestPlugin: new (options?: {
    origin?: string;
    manifestPath?: string;
  }) => webpack.WebpackPluginInstance;
}
// build/*.js are plain CommonJS for webpack.config.js, so they are required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.resolve(__dirname, '../../../build/manifest.js')) as BuildManifestModule;

const ROOT = path.resolve(__dirname, '../../..');
const manifestXml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://contactguard.oakfield.sch.uk';

test('the well-known path is the one Office looks for', () => {
  expect(build.WELL_KNOWN_PATH).toBe('.well-known/microsoft-officeaddins-allowed.json');
});

test("lists the manifest's JavaScript runtime file, the handler bundle at the origin's root", () => {
  expect(build.javascriptRuntimeUrls(manifestXml)).toEqual([
    `${build.DEV_ORIGIN}/${HANDLER_BUNDLE_FILE}`,
  ]);
  const xml = build.rewriteManifestHost(manifestXml, ORIGIN);
  const json = build.wellKnownAllowedJson(xml, ORIGIN);
  expect(JSON.parse(json)).toEqual({ allowed: [`${ORIGIN}/${HANDLER_BUNDLE_FILE}`] });
  expect(json.endsWith('\n')).toBe(true);
});

test('refuses to vouch for a file on another origin', () => {
  // The development manifest (localhost URLs) served from the school's origin.
  expect(() => build.wellKnownAllowedJson(manifestXml, ORIGIN)).toThrow(/another origin/);
});

test('refuses an Override whose resid names no URL', () => {
  const broken = manifestXml.replace('resid="JSRuntime.Url"/>', 'resid="Missing.Url"/>');
  expect(broken).not.toBe(manifestXml);
  expect(() => build.javascriptRuntimeUrls(broken)).toThrow(/Missing.Url" names no bt:Url/);
});

test('is empty for a manifest without a JavaScript runtime', () => {
  const noOverride = manifestXml.replace('<Override type="javascript" resid="JSRuntime.Url"/>', '');
  expect(noOverride).not.toBe(manifestXml);
  expect(build.wellKnownAllowedJson(noOverride, build.DEV_ORIGIN)).toBe('');
});

describe('ManifestPlugin emits it (webpack 5)', () => {
  let workDir: string;

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'cg-well-known-'));
    writeFileSync(path.join(workDir, 'entry.js'), 'export const nothing = 0;\n');
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  function run(plugin: webpack.WebpackPluginInstance, outDir: string): Promise<webpack.Stats> {
    const compiler = webpack({
      mode: 'production',
      context: ROOT,
      entry: path.join(workDir, 'entry.js'),
      output: { path: path.join(workDir, outDir) },
      optimization: { minimize: false },
      plugins: [plugin],
      infrastructureLogging: { level: 'error' },
    });
    return new Promise((resolve, reject) =>
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error || !stats) reject(error ?? new Error('no stats'));
        else resolve(stats);
      }),
    );
  }

  it('next to the rewritten manifest, on the same origin', async () => {
    const stats = await run(new build.ManifestPlugin({ origin: ORIGIN }), 'prod');
    expect(stats.hasErrors()).toBe(false);
    expect(stats.hasWarnings()).toBe(false);
    const out = path.join(workDir, 'prod');
    expect(readdirSync(out)).not.toContain(HANDLER_BUNDLE_FILE); // not needed to emit the list
    const emitted = readFileSync(path.join(out, build.WELL_KNOWN_PATH), 'utf8');
    expect(JSON.parse(emitted)).toEqual({ allowed: [`${ORIGIN}/${HANDLER_BUNDLE_FILE}`] });
    expect(readFileSync(path.join(out, 'manifest.xml'), 'utf8')).toContain(
      `${ORIGIN}/${HANDLER_BUNDLE_FILE}`,
    );
  }, 30_000);

  it('warns, and emits no list, for a manifest without a JavaScript runtime', async () => {
    const manifestPath = path.join(workDir, 'no-runtime.xml');
    writeFileSync(
      manifestPath,
      manifestXml.replace('<Override type="javascript" resid="JSRuntime.Url"/>', ''),
    );
    const stats = await run(new build.ManifestPlugin({ origin: ORIGIN, manifestPath }), 'none');
    expect(stats.hasErrors()).toBe(false);
    expect(stats.toJson({ all: false, warnings: true }).warnings?.map((w) => w.message)).toEqual([
      expect.stringMatching(/names no JavaScript runtime/),
    ]);
    expect(readdirSync(path.join(workDir, 'none'))).not.toContain('.well-known');
  }, 30_000);
});
