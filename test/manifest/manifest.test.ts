// manifest.xml, checked offline: Microsoft's XSDs (xmllint-wasm), then what the XSDs miss
// (manifestChecks.ts), then the production host rewrite and the webpack plugin that emits it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';
import {
  COMPOSE_PANE_COMMAND_ID,
  HANDLER_BUNDLE_FILE,
  HANDLER_FUNCTIONS,
  HANDLER_PAGE_FILE,
} from '../../src/launchevent/names';
import {
  checkComposeButton,
  checkHttpsUrls,
  checkIcons,
  checkLaunchEvents,
  checkManifest,
  checkMobileSurface,
  checkRequirementSets,
  checkResourceReferences,
  checkRuntime,
  checkStringLengths,
  mailboxRequirements,
  type ManifestCheckOptions,
} from './manifestChecks';
import { readPng } from './png';
import { validateAgainstSchemas } from './schemaValidation';
import { allElements, parseXml, type XmlElement } from './xmlTree';

interface BuildManifestModule {
  DEV_ORIGIN: string;
  rewriteManifestHost(xml: string, origin: string): string;
  ManifestPlugin: new (options?: {
    origin?: string;
    manifestPath?: string;
    filename?: string;
  }) => webpack.WebpackPluginInstance;
}
// build/manifest.js is plain CommonJS for webpack.config.js, so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildManifest = require('../../build/manifest.js') as BuildManifestModule;
const { DEV_ORIGIN, rewriteManifestHost, ManifestPlugin } = buildManifest;

const ROOT = join(__dirname, '..', '..');
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const manifestXml = readFileSync(MANIFEST_PATH, 'utf8');
const devOptions: ManifestCheckOptions = { origin: DEV_ORIGIN, assetsDir: join(ROOT, 'assets') };
const PRODUCTION_ORIGIN = 'https://contactguard.oakfield.sch.uk';

/** Replaces text that must be present, so a mutation that matches nothing fails loudly. */
function mutate(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`test setup: "${from}" is not in the manifest`);
  return xml.replace(from, to);
}

const byLocalName = (root: XmlElement, name: string) =>
  allElements(root).filter((e) => e.localName === name);

describe('manifest.xml against Microsoft XSDs', () => {
  it('is valid', async () => {
    expect(await validateAgainstSchemas(manifestXml)).toEqual([]);
  });

  it('rejects a value outside a schema enumeration', async () => {
    const broken = mutate(
      manifestXml,
      '<Permissions>ReadWriteItem</Permissions>',
      '<Permissions>ReadAll</Permissions>',
    );
    const errors = await validateAgainstSchemas(broken);
    expect(errors.join('\n')).toMatch(/Permissions.*ReadAll/);
  });

  it('checks inside the nested VersionOverridesV1_1 block too, not only the outer document', async () => {
    const broken = mutate(
      manifestXml,
      '<SupportsPinning>true</SupportsPinning>',
      '<Pinnable>true</Pinnable>',
    );
    const errors = await validateAgainstSchemas(broken);
    expect(errors.join('\n')).toMatch(/Pinnable/);
  });

  it('checks SupportsSharedFolders (added to the vendored V1_1 XSD): a boolean, before the extension points', async () => {
    const root = parseXml(manifestXml);
    expect(byLocalName(root, 'SupportsSharedFolders').map((e) => e.text.trim())).toEqual(['true']);
    const notBoolean = mutate(
      manifestXml,
      '<SupportsSharedFolders>true</SupportsSharedFolders>',
      '<SupportsSharedFolders>yes</SupportsSharedFolders>',
    );
    expect((await validateAgainstSchemas(notBoolean)).join('\n')).toMatch(/SupportsSharedFolders/);
    const misplaced = mutate(
      mutate(manifestXml, '<SupportsSharedFolders>true</SupportsSharedFolders>', ''),
      '</DesktopFormFactor>',
      '<SupportsSharedFolders>true</SupportsSharedFolders></DesktopFormFactor>',
    );
    expect((await validateAgainstSchemas(misplaced)).join('\n')).toMatch(/SupportsSharedFolders/);
  });
});

describe('manifest.xml: checks the XSDs miss', () => {
  const root = parseXml(manifestXml);

  it('resolves every resid to a resource of the right kind', () => {
    expect(checkResourceReferences(root)).toEqual([]);
    expect(
      allElements(root).filter((e) => e.attributes.resid !== undefined).length,
    ).toBeGreaterThan(10);
  });

  it('uses https for every URL', () => {
    expect(checkHttpsUrls(root)).toEqual([]);
  });

  it('points every icon at a PNG in assets/ of the declared size', () => {
    expect(checkIcons(root, devOptions)).toEqual([]);
  });

  it('keeps short strings within 125 characters and long strings within 250', () => {
    expect(checkStringLengths(root)).toEqual([]);
  });

  it('asks for Mailbox 1.1 at the base and 1.5 in VersionOverridesV1_1, enough for every feature used', () => {
    const requirements = mailboxRequirements(root);
    expect(requirements.base).toBe('1.1');
    expect(requirements.versionOverrides.map(({ type, mailbox }) => ({ type, mailbox }))).toEqual([
      { type: 'VersionOverridesV1_0', mailbox: null },
      { type: 'VersionOverridesV1_1', mailbox: '1.5' },
    ]);
    expect(checkRequirementSets(root)).toEqual([]);
  });
});

describe('manifest.xml: what Contact Guard needs', () => {
  const root = parseXml(manifestXml);
  const text = (name: string) => byLocalName(root, name).map((e) => e.text.trim());
  const defaultValue = (name: string) =>
    byLocalName(root, name).map((e) => e.attributes.DefaultValue);

  it('identifies the add-in', () => {
    expect(text('Id')[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text('ProviderName')).toEqual(['Contact Guard']);
    expect(defaultValue('DisplayName')).toEqual(['Contact Guard']);
    expect(root.attributes['xsi:type']).toBe('MailApp');
  });

  it('asks for ReadWriteItem (compose pane: recipients and session data), not ReadWriteMailbox', () => {
    expect(text('Permissions')).toEqual(['ReadWriteItem']);
    const rules = byLocalName(root, 'Rule').filter(
      (rule) => rule.attributes['xsi:type'] === 'ItemIs',
    );
    expect(rules.map((rule) => [rule.attributes.ItemType, rule.attributes.FormType])).toEqual([
      ['Message', 'Read'],
    ]);
    const form = byLocalName(root, 'Form')[0];
    expect(form?.attributes['xsi:type']).toBe('ItemRead');
    expect(byLocalName(form ?? root, 'SourceLocation')[0]?.attributes.DefaultValue).toBe(
      `${DEV_ORIGIN}/taskpane.html`,
    );
  });

  it('allows sign-in and the add-in host as app domains', () => {
    expect(text('AppDomain')).toEqual(['https://login.microsoftonline.com', DEV_ORIGIN]);
  });

  it('has read, compose and event extension points on the desktop, and read and events on phones', () => {
    const surfaces = (formFactor: string) =>
      byLocalName(byLocalName(root, formFactor)[0] ?? root, 'ExtensionPoint').map(
        (e) => e.attributes['xsi:type'],
      );
    expect(surfaces('DesktopFormFactor')).toEqual([
      'MessageReadCommandSurface',
      'MessageComposeCommandSurface',
      'LaunchEvent',
    ]);
    expect(surfaces('MobileFormFactor')).toEqual([
      'MobileMessageReadCommandSurface',
      'LaunchEvent',
    ]);
    expect(byLocalName(root, 'Control').map((e) => e.attributes.id)).toEqual([
      'cgReadOpenPaneButton',
      COMPOSE_PANE_COMMAND_ID,
      'cgMobileReadOpenPaneButton',
    ]);
  });

  it('wires each event to its shared handler name, with OnMessageSend SoftBlock', () => {
    const events = (formFactor: string) =>
      byLocalName(byLocalName(root, formFactor)[0] ?? root, 'LaunchEvent').map((e) => [
        e.attributes.Type,
        e.attributes.FunctionName,
        e.attributes.SendMode,
      ]);
    expect(events('DesktopFormFactor')).toEqual([
      ['OnNewMessageCompose', HANDLER_FUNCTIONS.OnNewMessageCompose, undefined],
      ['OnMessageRecipientsChanged', HANDLER_FUNCTIONS.OnMessageRecipientsChanged, undefined],
      ['OnMessageSend', HANDLER_FUNCTIONS.OnMessageSend, 'SoftBlock'],
    ]);
    expect(events('MobileFormFactor')).toEqual([
      ['OnNewMessageCompose', HANDLER_FUNCTIONS.OnNewMessageCompose, undefined],
      ['OnMessageRecipientsChanged', HANDLER_FUNCTIONS.OnMessageRecipientsChanged, undefined],
    ]);
    expect(checkLaunchEvents(root)).toEqual([]);
  });

  it('runs the handlers from launchevent.html, with launchevent.js for classic Outlook on Windows', () => {
    const url = (id: string) =>
      byLocalName(root, 'Url').find((e) => e.attributes.id === id)?.attributes.DefaultValue;
    const runtime = byLocalName(root, 'Runtime')[0];
    expect(url(runtime?.attributes.resid ?? '')).toBe(`${DEV_ORIGIN}/${HANDLER_PAGE_FILE}`);
    const override = byLocalName(runtime ?? root, 'Override')[0];
    expect(override?.attributes.type).toBe('javascript');
    expect(url(override?.attributes.resid ?? '')).toBe(`${DEV_ORIGIN}/${HANDLER_BUNDLE_FILE}`);
    expect(checkRuntime(root)).toEqual([]);
  });

  it('has the compose button a Smart Alert names, and a phone read button', () => {
    expect(checkComposeButton(root)).toEqual([]);
    expect(checkMobileSurface(root)).toEqual([]);
  });

  it('has one pinnable read-surface button, pinning declared only in V1_1', () => {
    const buttons = byLocalName(root, 'Control').filter(
      (e) => e.attributes.id === 'cgReadOpenPaneButton',
    );
    expect(buttons).toHaveLength(1);
    const action = byLocalName(buttons[0] ?? root, 'Action')[0];
    expect(action?.attributes['xsi:type']).toBe('ShowTaskpane');
    const pinning = byLocalName(root, 'SupportsPinning');
    expect(pinning.map((e) => e.text)).toEqual(['true']);
    expect(pinning[0]?.parent).toBe(action);
    let versionOverrides: XmlElement | null = pinning[0]?.parent ?? null;
    while (versionOverrides && versionOverrides.localName !== 'VersionOverrides')
      versionOverrides = versionOverrides.parent;
    expect(versionOverrides?.attributes['xsi:type']).toBe('VersionOverridesV1_1');
    const sourceResid = byLocalName(action ?? root, 'SourceLocation')[0]?.attributes.resid;
    const url = byLocalName(root, 'Url').find((e) => e.attributes.id === sourceResid)?.attributes
      .DefaultValue;
    expect(url).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });
});

describe('assets/ icons', () => {
  const iconFiles = readdirSync(devOptions.assetsDir).filter((name) =>
    /^icon-\d+\.png$/.test(name),
  );

  it('has every size the brief and the manifest use', () => {
    const sizes = iconFiles.map((name) => Number(/\d+/.exec(name)?.[0])).sort((a, b) => a - b);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 64, 80, 128]));
  });

  it.each(iconFiles)('%s is a valid PNG of the size in its name', (name) => {
    const size = Number(/\d+/.exec(name)?.[0]);
    expect(readPng(readFileSync(join(devOptions.assetsDir, name)))).toEqual({
      width: size,
      height: size,
    });
  });

  it('rejects a corrupted PNG', () => {
    const bytes = Buffer.from(readFileSync(join(devOptions.assetsDir, 'icon-16.png')));
    bytes[20] = (bytes[20] ?? 0) ^ 0xff; // inside IHDR's width: the CRC no longer matches
    expect(() => readPng(bytes)).toThrow(/CRC/);
  });
});

describe('the checks fail on a broken manifest (tests of the tests)', () => {
  const problemsIn = (xml: string) => checkManifest(xml, devOptions);

  it('passes the real manifest', () => {
    expect(problemsIn(manifestXml)).toEqual([]);
  });

  it('catches an http URL that the XSDs accept', async () => {
    const broken = mutate(
      manifestXml,
      `<bt:Url id="Taskpane.Url" DefaultValue="${DEV_ORIGIN}/taskpane.html"/>`,
      '<bt:Url id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"/>',
    );
    expect(await validateAgainstSchemas(broken)).toEqual([]);
    expect(problemsIn(broken)).toEqual([
      expect.stringMatching(/"http:\/\/localhost:3000\/taskpane.html" is not https.*Url/),
      expect.stringMatching(/"http:\/\/"/),
    ]);
  });

  it('catches an http app domain and an http URL in a locale override', () => {
    const httpDomain = mutate(
      manifestXml,
      '<AppDomain>https://login.microsoftonline.com</AppDomain>',
      '<AppDomain>http://login.microsoftonline.com</AppDomain>',
    );
    expect(problemsIn(httpDomain).join('\n')).toMatch(/not https: .*AppDomain/);
    const httpOverride = mutate(
      manifestXml,
      `<SupportUrl DefaultValue="${DEV_ORIGIN}/assets/support.html"/>`,
      `<SupportUrl DefaultValue="${DEV_ORIGIN}/assets/support.html"><Override Locale="cy-GB" Value="http://example.org/cymorth.html"/></SupportUrl>`,
    );
    expect(problemsIn(httpOverride).join('\n')).toMatch(
      /"http:\/\/example.org\/cymorth.html" is not https/,
    );
  });

  it('catches a resid that names no resource, which the XSDs accept', async () => {
    const broken = mutate(
      manifestXml,
      '<Label resid="PaneButton.Label"/>',
      '<Label resid="PaneButton.Missing"/>',
    );
    expect(await validateAgainstSchemas(broken)).toEqual([]);
    expect(problemsIn(broken)).toEqual([
      expect.stringMatching(/resid "PaneButton.Missing" names no resource: .*Control\/Label/),
    ]);
  });

  it('catches a resid that points at the wrong kind of resource', () => {
    const broken = mutate(
      manifestXml,
      '<Description resid="PaneButton.Tooltip"/>',
      '<Description resid="PaneButton.Label"/>',
    );
    expect(problemsIn(broken)).toEqual([
      expect.stringMatching(
        /"PaneButton.Label" is a ShortString but Description needs a LongString/,
      ),
    ]);
  });

  it('catches a duplicated resource id', () => {
    const broken = mutate(
      manifestXml,
      '<bt:String id="Group.Label" DefaultValue="Contact Guard"/>',
      '<bt:String id="Group.Label" DefaultValue="Contact Guard"/><bt:String id="Group.Label" DefaultValue="Again"/>',
    );
    expect(problemsIn(broken)).toEqual([expect.stringMatching(/"Group.Label" is declared twice/)]);
  });

  it('catches an icon of the wrong size and a missing icon file', () => {
    const wrongSize = mutate(
      manifestXml,
      `DefaultValue="${DEV_ORIGIN}/assets/icon-16.png"`,
      `DefaultValue="${DEV_ORIGIN}/assets/icon-32.png"`,
    );
    // Both desktop buttons (read and compose) use the 16 px icon.
    expect(problemsIn(wrongSize)).toEqual([
      expect.stringMatching(/icon-32.png" is 32×32, expected 16×16: .*Control\/Icon\/Image/),
      expect.stringMatching(/icon-32.png" is 32×32, expected 16×16: .*Control\/Icon\/Image/),
    ]);
    const missing = mutate(
      manifestXml,
      `${DEV_ORIGIN}/assets/icon-128.png`,
      `${DEV_ORIGIN}/assets/icon-256.png`,
    );
    expect(problemsIn(missing)).toEqual([expect.stringMatching(/icon-256.png" has no file/)]);
  });

  it('catches strings over their limits (as the XSD does for resources)', async () => {
    const longLabel = 'x'.repeat(126);
    const broken = mutate(
      manifestXml,
      '<bt:String id="Group.Label" DefaultValue="Contact Guard"/>',
      `<bt:String id="Group.Label" DefaultValue="${longLabel}"/>`,
    );
    expect(problemsIn(broken)).toEqual([expect.stringMatching(/126 characters, limit 125/)]);
    expect((await validateAgainstSchemas(broken)).join('\n')).toMatch(/maxLength/);
  });

  it('catches a pinnable task pane under a requirement set that lacks pinning', () => {
    const broken = mutate(
      manifestXml,
      '<bt:Sets DefaultMinVersion="1.5">',
      '<bt:Sets DefaultMinVersion="1.3">',
    );
    const problems = problemsIn(broken).join('\n');
    expect(problems).toMatch(/VersionOverridesV1_1 needs Mailbox 1.5, but 1.3/);
    expect(problems).toMatch(/a pinnable task pane needs Mailbox 1.5, but 1.3/);
  });

  it.each(['ReadItem', 'ReadWriteMailbox'])(
    'catches <Permissions> other than the level the code assumes (%s)',
    async (level) => {
      const broken = mutate(
        manifestXml,
        '<Permissions>ReadWriteItem</Permissions>',
        `<Permissions>${level}</Permissions>`,
      );
      expect(await validateAgainstSchemas(broken)).toEqual([]);
      expect(problemsIn(broken).join('\n')).toMatch(
        new RegExp(`<Permissions> is "${level}", but the code assumes "ReadWriteItem"`),
      );
    },
  );

  describe('send-time checks (issue 12): each refuses a broken copy that the XSDs accept', () => {
    /** The broken copy passes the XSDs, so only the project check can catch it. */
    async function onlyTheChecksCatch(broken: string): Promise<string> {
      expect(await validateAgainstSchemas(broken)).toEqual([]);
      return problemsIn(broken).join('\n');
    }
    const sendEvent = `<LaunchEvent Type="OnMessageSend" FunctionName="${HANDLER_FUNCTIONS.OnMessageSend}" SendMode="SoftBlock"/>`;

    it('a FunctionName that is not the shared handler name', async () => {
      const broken = mutate(
        manifestXml,
        sendEvent,
        sendEvent.replace(HANDLER_FUNCTIONS.OnMessageSend, 'onSend'),
      );
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /LaunchEvent OnMessageSend calls "onSend", but the bundle registers "onMessageSendHandler"/,
      );
    });

    it('an event type the handler bundle does not handle', async () => {
      const broken = mutate(
        manifestXml,
        sendEvent,
        sendEvent.replace('OnMessageSend', 'OnAppointmentSend'),
      );
      const problems = await onlyTheChecksCatch(broken);
      expect(problems).toMatch(/Type "OnAppointmentSend" has no handler/);
      expect(problems).toMatch(/no desktop LaunchEvent for OnMessageSend/);
    });

    it.each(['Block', 'PromptUser'])('SendMode="%s"', async (mode) => {
      const broken = mutate(manifestXml, sendEvent, sendEvent.replace('SoftBlock', mode));
      expect(await onlyTheChecksCatch(broken)).toMatch(
        new RegExp(`OnMessageSend must say SendMode="SoftBlock".*not "${mode}"`),
      );
    });

    it('OnMessageSend without an explicit SendMode', async () => {
      const broken = mutate(manifestXml, sendEvent, sendEvent.replace(' SendMode="SoftBlock"', ''));
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /must say SendMode="SoftBlock".*not nothing/,
      );
    });

    it('OnMessageSend on a phone, which does not raise it', async () => {
      const broken = mutate(
        manifestXml,
        '</LaunchEvents>\n              <SourceLocation resid="WebViewRuntime.Url"/>\n            </ExtensionPoint>\n          </MobileFormFactor>',
        `${sendEvent}</LaunchEvents>\n              <SourceLocation resid="WebViewRuntime.Url"/>\n            </ExtensionPoint>\n          </MobileFormFactor>`,
      );
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /OnMessageSend is not raised on Android or iOS/,
      );
    });

    it('a runtime page or bundle that is not the shared file at the origin root', async () => {
      const page = mutate(
        manifestXml,
        `${DEV_ORIGIN}/${HANDLER_PAGE_FILE}`,
        `${DEV_ORIGIN}/commands.html`,
      );
      expect(await onlyTheChecksCatch(page)).toMatch(
        /Runtime resid "WebViewRuntime.Url" ".*commands.html" is not \/launchevent.html/,
      );
      const bundle = mutate(
        manifestXml,
        `${DEV_ORIGIN}/${HANDLER_BUNDLE_FILE}`,
        `${DEV_ORIGIN}/js/${HANDLER_BUNDLE_FILE}`,
      );
      expect(await onlyTheChecksCatch(bundle)).toMatch(
        /Override resid "JSRuntime.Url" ".*\/js\/launchevent.js" is not \/launchevent.js at the origin's root/,
      );
    });

    it('a runtime without its javascript override, or with a long lifetime', async () => {
      const noOverride = mutate(
        manifestXml,
        '<Override type="javascript" resid="JSRuntime.Url"/>',
        '',
      );
      expect(await onlyTheChecksCatch(noOverride)).toMatch(/one Override type="javascript"/);
      const long = mutate(
        manifestXml,
        '<Runtime resid="WebViewRuntime.Url">',
        '<Runtime resid="WebViewRuntime.Url" lifetime="long">',
      );
      expect(await onlyTheChecksCatch(long)).toMatch(/lifetime "long"/);
    });

    it('a LaunchEvent whose SourceLocation is not the runtime', async () => {
      const broken = mutate(
        manifestXml,
        '</LaunchEvents>\n              <SourceLocation resid="WebViewRuntime.Url"/>',
        '</LaunchEvents>\n              <SourceLocation resid="Taskpane.Url"/>',
      );
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /LaunchEvent SourceLocation "Taskpane.Url" is not the Runtime's resid/,
      );
    });

    it('a runtime resid that names no URL', async () => {
      const broken = mutate(
        manifestXml,
        '<Runtime resid="WebViewRuntime.Url">',
        '<Runtime resid="Missing.Url">',
      );
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /resid "Missing.Url" names no resource: .*Runtime/,
      );
    });

    it('a compose button with another id, or on the read surface only', async () => {
      const renamed = mutate(
        manifestXml,
        `id="${COMPOSE_PANE_COMMAND_ID}"`,
        'id="cgComposeButton"',
      );
      expect(await onlyTheChecksCatch(renamed)).toMatch(
        /expected one Control id="cgComposeOpenPaneButton".*found 0/,
      );
      const misplaced = mutate(
        mutate(manifestXml, `id="${COMPOSE_PANE_COMMAND_ID}"`, 'id="cgComposeButton"'),
        'id="cgReadOpenPaneButton"',
        `id="${COMPOSE_PANE_COMMAND_ID}"`,
      );
      expect(await onlyTheChecksCatch(misplaced)).toMatch(
        /is not on the MessageComposeCommandSurface/,
      );
    });

    it('no phone read button', async () => {
      const start = manifestXml.indexOf(
        '<ExtensionPoint xsi:type="MobileMessageReadCommandSurface">',
      );
      const end = manifestXml.indexOf('</ExtensionPoint>', start) + '</ExtensionPoint>'.length;
      expect(start).toBeGreaterThan(0);
      const broken = manifestXml.slice(0, start) + manifestXml.slice(end);
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /no MobileButton on the MobileMessageReadCommandSurface/,
      );
      const noMobile = broken.replace(/<MobileFormFactor>[\s\S]*<\/MobileFormFactor>/, '');
      expect(await onlyTheChecksCatch(noMobile)).toMatch(/no MobileFormFactor/);
    });

    it('an http runtime URL', async () => {
      const broken = mutate(
        manifestXml,
        `${DEV_ORIGIN}/${HANDLER_BUNDLE_FILE}`,
        `http://localhost:3000/${HANDLER_BUNDLE_FILE}`,
      );
      expect(await onlyTheChecksCatch(broken)).toMatch(
        /"http:\/\/localhost:3000\/launchevent.js" is not https/,
      );
    });
  });

  it('reports XML that is not well-formed', () => {
    expect(problemsIn(manifestXml.replace('</FormSettings>', ''))).toEqual([
      expect.stringMatching(/not well-formed/),
    ]);
  });
});

describe('production host rewrite (build/manifest.js)', () => {
  const productionXml = rewriteManifestHost(manifestXml, PRODUCTION_ORIGIN);

  it('still validates against the XSDs', async () => {
    expect(await validateAgainstSchemas(productionXml)).toEqual([]);
  });

  it('leaves no localhost and passes every check on the new origin', () => {
    expect(productionXml).not.toMatch(/localhost/i);
    expect(productionXml).toContain(`<AppDomain>${PRODUCTION_ORIGIN}</AppDomain>`);
    expect(checkManifest(productionXml, { ...devOptions, origin: PRODUCTION_ORIGIN })).toEqual([]);
  });

  it('changes nothing but the origin', () => {
    expect(productionXml.split(PRODUCTION_ORIGIN).join(DEV_ORIGIN)).toBe(manifestXml);
  });

  it.each([
    ['', /missing/],
    ['contactguard.oakfield.sch.uk', /not a URL/],
    ['http://contactguard.oakfield.sch.uk', /must use https/],
    ['https://contactguard.oakfield.sch.uk/', /must not end with "\/"/],
    ['https://contactguard.oakfield.sch.uk/addin', /exactly scheme:\/\/host\[:port\]/],
    ['https://ContactGuard.oakfield.sch.uk', /exactly scheme:\/\/host\[:port\]/],
  ])('refuses the origin %j', (origin, message) => {
    expect(() => rewriteManifestHost(manifestXml, origin)).toThrow(message);
  });

  it('refuses to leave a localhost URL that is not exactly the dev origin', () => {
    const stray = mutate(
      manifestXml,
      `${DEV_ORIGIN}/assets/support.html`,
      'https://localhost:8080/support.html',
    );
    expect(() => rewriteManifestHost(stray, PRODUCTION_ORIGIN)).toThrow(/still mentions localhost/);
  });

  it('keeps a non-default port', () => {
    expect(rewriteManifestHost(manifestXml, 'https://addins.oakfield.sch.uk:8443')).toContain(
      'https://addins.oakfield.sch.uk:8443/taskpane.html',
    );
  });
});

describe('ManifestPlugin (webpack 5)', () => {
  let workDir: string;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'cg-manifest-plugin-'));
    writeFileSync(join(workDir, 'entry.js'), 'export const nothing = 0;\n');
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  function build(
    plugin: webpack.WebpackPluginInstance,
    mode: 'none' | 'production',
    outDir: string,
  ): Promise<webpack.Stats> {
    const compiler = webpack({
      mode,
      context: ROOT,
      entry: join(workDir, 'entry.js'),
      output: { path: join(workDir, outDir) },
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

  it('emits the rewritten manifest when given an origin', async () => {
    const stats = await build(
      new ManifestPlugin({ origin: PRODUCTION_ORIGIN }),
      'production',
      'prod',
    );
    expect(stats.hasErrors()).toBe(false);
    expect(stats.hasWarnings()).toBe(false);
    const emitted = readFileSync(join(workDir, 'prod', 'manifest.xml'), 'utf8');
    expect(emitted).toBe(rewriteManifestHost(manifestXml, PRODUCTION_ORIGIN));
  }, 30_000);

  it('emits the development manifest unchanged without an origin, warning in production mode', async () => {
    const stats = await build(new ManifestPlugin({ origin: '' }), 'production', 'dev');
    expect(readFileSync(join(workDir, 'dev', 'manifest.xml'), 'utf8')).toBe(manifestXml);
    expect(stats.toJson({ all: false, warnings: true }).warnings?.map((w) => w.message)).toEqual([
      expect.stringMatching(/no origin given/),
    ]);
  }, 30_000);

  it('fails the build, rather than emitting a bad manifest, when the source cannot be rewritten', async () => {
    const badManifest = join(workDir, 'bad-manifest.xml');
    writeFileSync(
      badManifest,
      manifestXml.replace(
        `${DEV_ORIGIN}/assets/support.html`,
        'https://localhost:8080/support.html',
      ),
    );
    const stats = await build(
      new ManifestPlugin({ origin: PRODUCTION_ORIGIN, manifestPath: badManifest }),
      'none',
      'bad',
    );
    expect(stats.hasErrors()).toBe(true);
    expect(
      stats
        .toJson({ all: false, errors: true })
        .errors?.map((e) => e.message)
        .join('\n'),
    ).toMatch(/still mentions localhost/);
    expect(readdirSync(join(workDir, 'bad'))).not.toContain('manifest.xml');
  }, 30_000);

  it('refuses a bad origin when the config is built', () => {
    expect(() => new ManifestPlugin({ origin: 'http://contactguard.oakfield.sch.uk' })).toThrow(
      /must use https/,
    );
  });
});
