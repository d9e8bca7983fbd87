// Checks on manifest.xml that Microsoft's XSDs cannot express: every resid resolves to a resource
// of the right kind, every URL is https, every icon exists at its declared pixel size, string
// resources fit their limits, and the requirement sets match the features used; for the send-time
// checks (issue 12), the event handlers, runtime files and compose button agree with the shared
// names (src/launchevent/names.ts), every send is SoftBlock, and phones get a read button. Each
// check returns a list of problems (empty = fine) so a test can show all of them at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMPOSE_PANE_COMMAND_ID,
  HANDLER_BUNDLE_FILE,
  HANDLER_FUNCTIONS,
  HANDLER_PAGE_FILE,
  MANIFEST_PERMISSION,
} from '../../src/launchevent/names';
import { readPng } from './png';
import {
  allElements,
  ancestors,
  childrenNamed,
  describe,
  parseXml,
  type XmlElement,
} from './xmlTree';

export type ResourceKind = 'Image' | 'Url' | 'ShortString' | 'LongString';

export interface ManifestCheckOptions {
  /** The origin every add-in URL is on, e.g. https://localhost:3000. */
  origin: string;
  /** Folder that origin + "/assets/" serves. */
  assetsDir: string;
}

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/** Which resource list each kind lives in (the bt:* child of <Resources>). */
const RESOURCE_LIST_KIND: Record<string, ResourceKind> = {
  Images: 'Image',
  Urls: 'Url',
  ShortStrings: 'ShortString',
  LongStrings: 'LongString',
};

/** What kind of resource an element with a resid must point at, by its local name. */
const RESID_KIND_BY_ELEMENT: Record<string, ResourceKind> = {
  Image: 'Image',
  SourceLocation: 'Url',
  FunctionFile: 'Url',
  Label: 'ShortString',
  Title: 'ShortString',
  Tooltip: 'ShortString',
  Description: 'LongString',
  // The event runtime's page (Runtime) and the JavaScript-only override (Override inside Runtime).
  Runtime: 'Url',
  Override: 'Url',
};

interface Resource {
  id: string;
  kind: ResourceKind;
  element: XmlElement;
}

const isVersionOverrides = (element: XmlElement): boolean =>
  element.localName === 'VersionOverrides';

/** Resources declared directly in one <VersionOverrides>. */
function resourcesOf(versionOverrides: XmlElement): Resource[] {
  const found: Resource[] = [];
  for (const resources of childrenNamed(versionOverrides, 'Resources')) {
    for (const list of resources.children) {
      const kind = RESOURCE_LIST_KIND[list.localName];
      if (!kind) continue;
      for (const entry of list.children) {
        const id = entry.attributes.id;
        if (id !== undefined) found.push({ id, kind, element: entry });
      }
    }
  }
  return found;
}

/**
 * Resources visible from an element: those of its enclosing <VersionOverrides> and of the
 * VersionOverrides around that (resources merge downwards), nearest first.
 */
function visibleResources(element: XmlElement): Resource[] {
  return ancestors(element).filter(isVersionOverrides).flatMap(resourcesOf);
}

export function checkResourceReferences(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const versionOverrides of allElements(root).filter(isVersionOverrides)) {
    const seen = new Set<string>();
    for (const resource of resourcesOf(versionOverrides)) {
      if (seen.has(resource.id))
        problems.push(
          `resource id "${resource.id}" is declared twice: ${describe(resource.element)}`,
        );
      seen.add(resource.id);
    }
  }
  for (const element of allElements(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    const expected = RESID_KIND_BY_ELEMENT[element.localName];
    if (!expected) {
      problems.push(
        `resid on an element this check does not know, teach it the kind: ${describe(element)}`,
      );
      continue;
    }
    const candidates = visibleResources(element).filter((resource) => resource.id === resid);
    const match = candidates[0];
    if (!match) {
      problems.push(`resid "${resid}" names no resource: ${describe(element)}`);
    } else if (match.kind !== expected) {
      problems.push(
        `resid "${resid}" is a ${match.kind} but ${element.localName} needs a ${expected}: ${describe(element)}`,
      );
    }
  }
  return problems;
}

/** Elements whose DefaultValue (and Override Value) is a URL the add-in loads or links to. */
const URL_SETTING_ELEMENTS = new Set([
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'SourceLocation',
]);

function isUrlResource(element: XmlElement): boolean {
  const list = element.parent;
  return (
    list !== null &&
    (list.localName === 'Images' || list.localName === 'Urls') &&
    list.parent?.localName === 'Resources'
  );
}

/** The URL values of the manifest with where they are, for the https and icon checks. */
export function urlValues(root: XmlElement): Array<{ url: string; element: XmlElement }> {
  const values: Array<{ url: string; element: XmlElement }> = [];
  for (const element of allElements(root)) {
    const holdsUrl =
      (URL_SETTING_ELEMENTS.has(element.localName) && 'DefaultValue' in element.attributes) ||
      isUrlResource(element);
    if (holdsUrl) {
      const defaultValue = element.attributes.DefaultValue;
      if (defaultValue !== undefined) values.push({ url: defaultValue, element });
      for (const override of childrenNamed(element, 'Override')) {
        const value = override.attributes.Value;
        if (value !== undefined) values.push({ url: value, element: override });
      }
    }
    if (element.localName === 'AppDomain') values.push({ url: element.text.trim(), element });
  }
  return values;
}

const ANY_SCHEME_URL = /[a-z][a-z0-9+.-]*:\/\//gi;

export function checkHttpsUrls(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const { url, element } of urlValues(root)) {
    let protocol: string | null = null;
    try {
      protocol = new URL(url).protocol;
    } catch {
      problems.push(`"${url}" is not an absolute URL: ${describe(element)}`);
      continue;
    }
    if (protocol !== 'https:') problems.push(`"${url}" is not https: ${describe(element)}`);
  }
  // Anything else that looks like a URL, in any attribute or text, must be https too; namespace
  // declarations are names, not addresses, so they are the one exception.
  for (const element of allElements(root)) {
    const values = Object.entries(element.attributes)
      .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
      .map(([, value]) => value);
    values.push(element.text);
    for (const value of values) {
      for (const [scheme] of value.matchAll(ANY_SCHEME_URL)) {
        if (scheme.toLowerCase() !== 'https://')
          problems.push(`"${scheme}" URL in ${describe(element)}: only https is allowed`);
      }
    }
  }
  return problems;
}

/** Pixel size each icon must have: app icons by element, ribbon icons by their size attribute. */
function expectedIcons(
  root: XmlElement,
): Array<{ url: string; size: number; element: XmlElement }> {
  const icons: Array<{ url: string; size: number; element: XmlElement }> = [];
  const appIconSizes: Record<string, number> = { IconUrl: 64, HighResolutionIconUrl: 128 };
  for (const element of allElements(root)) {
    const appIconSize = appIconSizes[element.localName];
    const defaultValue = element.attributes.DefaultValue;
    if (appIconSize !== undefined && defaultValue !== undefined)
      icons.push({ url: defaultValue, size: appIconSize, element });
    const resid = element.attributes.resid;
    if (element.localName === 'Image' && resid !== undefined) {
      const size = Number(element.attributes.size);
      const resource = visibleResources(element).find(
        (candidate) => candidate.id === resid && candidate.kind === 'Image',
      );
      const url = resource?.element.attributes.DefaultValue;
      if (url !== undefined) icons.push({ url, size, element });
    }
  }
  return icons;
}

export function checkIcons(root: XmlElement, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const assetsPrefix = `${options.origin}/assets/`;
  const imageResources = allElements(root).filter(
    (element) => element.localName === 'Image' && element.parent?.localName === 'Images',
  );
  const everyIcon = [
    ...expectedIcons(root),
    ...imageResources.map((element) => ({
      url: element.attributes.DefaultValue ?? '',
      size: null,
      element,
    })),
  ];
  for (const { url, size, element } of everyIcon) {
    if (!url.startsWith(assetsPrefix)) {
      problems.push(`icon "${url}" is not under ${assetsPrefix}: ${describe(element)}`);
      continue;
    }
    const file = join(options.assetsDir, url.slice(assetsPrefix.length));
    if (!existsSync(file)) {
      problems.push(`icon "${url}" has no file ${file}: ${describe(element)}`);
      continue;
    }
    try {
      const png = readPng(readFileSync(file));
      if (size !== null && (png.width !== size || png.height !== size)) {
        problems.push(
          `icon "${url}" is ${png.width}×${png.height}, expected ${size}×${size}: ${describe(element)}`,
        );
      }
    } catch (error) {
      problems.push(
        `icon "${url}" is not a valid PNG (${(error as Error).message}): ${describe(element)}`,
      );
    }
  }
  return problems;
}

function lengthProblems(element: XmlElement, max: number): string[] {
  const values = [
    element.attributes.DefaultValue,
    ...childrenNamed(element, 'Override').map((o) => o.attributes.Value),
  ];
  const problems: string[] = [];
  for (const value of values) {
    if (value === undefined) continue;
    if (value.trim().length === 0) problems.push(`empty string: ${describe(element)}`);
    if (value.length > max)
      problems.push(`string of ${value.length} characters, limit ${max}: ${describe(element)}`);
  }
  return problems;
}

export function checkStringLengths(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const element of allElements(root)) {
    const inList = element.localName === 'String' ? element.parent?.localName : undefined;
    if (inList === 'ShortStrings' || element.localName === 'DisplayName') {
      problems.push(...lengthProblems(element, SHORT_STRING_MAX));
    } else if (
      inList === 'LongStrings' ||
      (element.localName === 'Description' && element.parent === root)
    ) {
      problems.push(...lengthProblems(element, LONG_STRING_MAX));
    }
  }
  return problems;
}

/** The Mailbox MinVersion a <Requirements> element asks for, or null if it names no Mailbox set. */
function mailboxVersionIn(requirements: XmlElement): string | null {
  for (const sets of childrenNamed(requirements, 'Sets')) {
    for (const set of childrenNamed(sets, 'Set')) {
      if (set.attributes.Name !== 'Mailbox') continue;
      // MinVersion on the Set wins; otherwise the Sets default, which the XSD defaults to 1.1.
      return set.attributes.MinVersion ?? sets.attributes.DefaultMinVersion ?? '1.1';
    }
  }
  return null;
}

export interface MailboxRequirements {
  base: string | null;
  /** One entry per <VersionOverrides>, outermost first; null where it sets no Mailbox requirement. */
  versionOverrides: Array<{ type: string; mailbox: string | null; element: XmlElement }>;
}

export function mailboxRequirements(root: XmlElement): MailboxRequirements {
  const baseRequirements = childrenNamed(root, 'Requirements')[0];
  return {
    base: baseRequirements ? mailboxVersionIn(baseRequirements) : null,
    versionOverrides: allElements(root)
      .filter(isVersionOverrides)
      .map((element) => {
        const requirements = childrenNamed(element, 'Requirements')[0];
        return {
          type: element.attributes['xsi:type'] ?? '',
          mailbox: requirements ? mailboxVersionIn(requirements) : null,
          element,
        };
      }),
  };
}

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The lowest Mailbox set that each feature in the manifest needs (Microsoft's manifest docs). */
const FEATURE_MINIMUMS: Array<{
  describe: string;
  minimum: string;
  applies: (element: XmlElement) => boolean;
}> = [
  {
    describe: 'VersionOverridesV1_1',
    minimum: '1.5',
    applies: (e) => isVersionOverrides(e) && e.attributes['xsi:type'] === 'VersionOverridesV1_1',
  },
  {
    describe: 'add-in commands (VersionOverridesV1_0)',
    minimum: '1.3',
    applies: (e) => e.localName === 'ExtensionPoint',
  },
  {
    describe: 'a pinnable task pane',
    minimum: '1.5',
    applies: (e) => e.localName === 'SupportsPinning' && e.text.trim() === 'true',
  },
];

/** Mailbox version in force at an element: the nearest VersionOverrides that sets one, else the base. */
function effectiveMailboxVersion(
  element: XmlElement,
  requirements: MailboxRequirements,
): string | null {
  const chain = [element, ...ancestors(element)].filter(isVersionOverrides);
  for (const versionOverrides of chain) {
    const entry = requirements.versionOverrides.find(
      (candidate) => candidate.element === versionOverrides,
    );
    if (entry?.mailbox) return entry.mailbox;
  }
  return requirements.base;
}

export function checkRequirementSets(root: XmlElement): string[] {
  const requirements = mailboxRequirements(root);
  const problems: string[] = [];
  if (requirements.base === null) problems.push('the base <Requirements> names no Mailbox set');
  for (const element of allElements(root)) {
    for (const feature of FEATURE_MINIMUMS) {
      if (!feature.applies(element)) continue;
      const version = effectiveMailboxVersion(element, requirements);
      if (version === null || compareVersions(version, feature.minimum) < 0) {
        problems.push(
          `${feature.describe} needs Mailbox ${feature.minimum}, but ${version ?? 'none'} is required: ${describe(element)}`,
        );
      }
    }
  }
  for (const entry of requirements.versionOverrides) {
    if (
      entry.mailbox &&
      requirements.base &&
      compareVersions(entry.mailbox, requirements.base) < 0
    ) {
      problems.push(
        `${entry.type} requires Mailbox ${entry.mailbox}, below the base ${requirements.base}`,
      );
    }
  }
  return problems;
}

/** The names the manifest must agree with; the defaults are the shared ones. */
export interface SendTimeNames {
  handlers: Readonly<Record<string, string>>;
  pageFile: string;
  bundleFile: string;
  composeCommandId: string;
}

export const SEND_TIME_NAMES: SendTimeNames = {
  handlers: HANDLER_FUNCTIONS,
  pageFile: HANDLER_PAGE_FILE,
  bundleFile: HANDLER_BUNDLE_FILE,
  composeCommandId: COMPOSE_PANE_COMMAND_ID,
};

/**
 * Events Outlook on Android and iOS raise; OnMessageSend (Smart Alerts) is not among them.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/mobile-event-based
 */
export const MOBILE_LAUNCH_EVENTS: readonly string[] = [
  'OnNewMessageCompose',
  'OnMessageRecipientsChanged',
  'OnMessageFromChanged',
];

/** Send events, the only ones SendMode applies to (LaunchEvent element reference). */
const SEND_EVENTS = new Set(['OnMessageSend', 'OnAppointmentSend']);

const xsiType = (element: XmlElement): string | undefined => element.attributes['xsi:type'];

const extensionPoints = (root: XmlElement, type: string): XmlElement[] =>
  allElements(root).filter((e) => e.localName === 'ExtensionPoint' && xsiType(e) === type);

/** The form factor (DesktopFormFactor or MobileFormFactor) an element is in, or null. */
function formFactorOf(element: XmlElement): string | null {
  return ancestors(element).find((a) => a.localName.endsWith('FormFactor'))?.localName ?? null;
}

/** The bt:Url value a resid names, seen from `element`, or undefined. */
function urlFor(element: XmlElement, resid: string | undefined): string | undefined {
  if (resid === undefined) return undefined;
  return visibleResources(element).find((r) => r.id === resid && r.kind === 'Url')?.element
    .attributes.DefaultValue;
}

/**
 * LaunchEvents: every FunctionName is the handler the bundle registers for that Type, every
 * handler is wired on the desktop, a phone only gets events it raises, every send event says
 * SendMode="SoftBlock" explicitly (never Block or PromptUser), and SendMode appears on nothing
 * else.
 */
export function checkLaunchEvents(
  root: XmlElement,
  names: SendTimeNames = SEND_TIME_NAMES,
): string[] {
  const problems: string[] = [];
  const events = allElements(root).filter((e) => e.localName === 'LaunchEvent');
  if (events.length === 0) problems.push('no LaunchEvent: the send-time checks never run');
  const desktopTypes = new Set<string>();
  for (const event of events) {
    const type = event.attributes.Type ?? '';
    const functionName = event.attributes.FunctionName;
    const expected = names.handlers[type];
    if (expected === undefined) {
      problems.push(
        `LaunchEvent Type "${type}" has no handler in the shared names: ${describe(event)}`,
      );
    } else if (functionName !== expected) {
      problems.push(
        `LaunchEvent ${type} calls "${functionName ?? ''}", but the bundle registers "${expected}": ${describe(event)}`,
      );
    }
    const formFactor = formFactorOf(event);
    if (formFactor === 'DesktopFormFactor') desktopTypes.add(type);
    if (formFactor === 'MobileFormFactor' && !MOBILE_LAUNCH_EVENTS.includes(type))
      problems.push(`LaunchEvent ${type} is not raised on Android or iOS: ${describe(event)}`);
    const sendMode = event.attributes.SendMode;
    if (SEND_EVENTS.has(type)) {
      if (sendMode !== 'SoftBlock')
        problems.push(
          `LaunchEvent ${type} must say SendMode="SoftBlock" (an outage must never stop mail), not ${sendMode === undefined ? 'nothing' : `"${sendMode}"`}: ${describe(event)}`,
        );
    } else if (sendMode !== undefined) {
      problems.push(`SendMode on ${type}, which is not a send event: ${describe(event)}`);
    }
  }
  for (const type of Object.keys(names.handlers)) {
    if (!desktopTypes.has(type))
      problems.push(`no desktop LaunchEvent for ${type} (handler "${names.handlers[type] ?? ''}")`);
  }
  return problems;
}

/** A URL is exactly origin + "/" + file: at the origin's root, where the well-known file lists it. */
function rootFileProblem(url: string | undefined, file: string, what: string): string | null {
  if (url === undefined) return `${what} names no bt:Url`;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return `${what} "${url}" is not an absolute URL`;
  }
  return pathname === `/${file}` ? null : `${what} "${url}" is not /${file} at the origin's root`;
}

/**
 * The event runtime: one Runtime whose page is HANDLER_PAGE_FILE, one javascript Override whose
 * file is HANDLER_BUNDLE_FILE (both at the origin's root), lifetime short (the default), and every
 * LaunchEvent extension point's SourceLocation names the Runtime's resid.
 */
export function checkRuntime(root: XmlElement, names: SendTimeNames = SEND_TIME_NAMES): string[] {
  const problems: string[] = [];
  const runtimes = allElements(root).filter((e) => e.localName === 'Runtime');
  if (runtimes.length !== 1) {
    problems.push(`expected exactly one Runtime, found ${runtimes.length}`);
  }
  const runtime = runtimes[0];
  if (!runtime) return problems;
  const page = rootFileProblem(
    urlFor(runtime, runtime.attributes.resid),
    names.pageFile,
    `Runtime resid "${runtime.attributes.resid ?? ''}"`,
  );
  if (page) problems.push(`${page}: ${describe(runtime)}`);
  const lifetime = runtime.attributes.lifetime;
  if (lifetime !== undefined && lifetime !== 'short')
    problems.push(
      `Runtime lifetime "${lifetime}": event-based activation supports only short: ${describe(runtime)}`,
    );
  const overrides = childrenNamed(runtime, 'Override');
  const override = overrides[0];
  if (overrides.length !== 1 || !override || override.attributes.type !== 'javascript') {
    problems.push(
      `Runtime needs one Override type="javascript" for classic Outlook on Windows: ${describe(runtime)}`,
    );
  } else {
    const bundle = rootFileProblem(
      urlFor(override, override.attributes.resid),
      names.bundleFile,
      `Override resid "${override.attributes.resid ?? ''}"`,
    );
    if (bundle) problems.push(`${bundle}: ${describe(override)}`);
  }
  for (const point of extensionPoints(root, 'LaunchEvent')) {
    const source = childrenNamed(point, 'SourceLocation')[0]?.attributes.resid;
    if (source !== runtime.attributes.resid)
      problems.push(
        `LaunchEvent SourceLocation "${source ?? ''}" is not the Runtime's resid "${runtime.attributes.resid ?? ''}": ${describe(point)}`,
      );
  }
  return problems;
}

/**
 * The compose button a Smart Alert's commandId names: exactly one control with that id, a button
 * on the desktop MessageComposeCommandSurface that opens a task pane.
 */
export function checkComposeButton(
  root: XmlElement,
  names: SendTimeNames = SEND_TIME_NAMES,
): string[] {
  const id = names.composeCommandId;
  const controls = allElements(root).filter(
    (e) => e.localName === 'Control' && e.attributes.id === id,
  );
  if (controls.length !== 1)
    return [
      `expected one Control id="${id}" (a Smart Alert's commandId), found ${controls.length}`,
    ];
  const [control] = controls as [XmlElement];
  const problems: string[] = [];
  const surface = ancestors(control).find((a) => a.localName === 'ExtensionPoint');
  if (!surface || xsiType(surface) !== 'MessageComposeCommandSurface')
    problems.push(
      `Control "${id}" is not on the MessageComposeCommandSurface: ${describe(control)}`,
    );
  const action = childrenNamed(control, 'Action')[0];
  if (xsiType(control) !== 'Button' || !action || xsiType(action) !== 'ShowTaskpane')
    problems.push(`Control "${id}" is not a Button that shows the task pane: ${describe(control)}`);
  return problems;
}

/** Phones: a MobileFormFactor with a read-surface MobileButton that opens the task pane. */
export function checkMobileSurface(root: XmlElement): string[] {
  const mobile = allElements(root).filter((e) => e.localName === 'MobileFormFactor');
  if (mobile.length === 0)
    return ['no MobileFormFactor: the add-in is absent from Outlook on phones'];
  const buttons = extensionPoints(root, 'MobileMessageReadCommandSurface')
    .filter((point) => formFactorOf(point) === 'MobileFormFactor')
    .flatMap((point) => allElements(point))
    .filter((e) => e.localName === 'Control' && xsiType(e) === 'MobileButton')
    .filter((button) => {
      const action = childrenNamed(button, 'Action')[0];
      return action !== undefined && xsiType(action) === 'ShowTaskpane';
    });
  return buttons.length > 0
    ? []
    : ['no MobileButton on the MobileMessageReadCommandSurface opens the task pane'];
}

/** Every check above on one manifest text; an unparseable manifest is one problem. */
/**
 * <Permissions> is the level the code assumes (names.ts MANIFEST_PERMISSION): the compose pane
 * offers sendAsync only under read/write mailbox, so a manifest that differs would make it offer
 * a call Outlook refuses, or ask for more than it uses.
 */
export function checkPermission(root: XmlElement): string[] {
  const found = allElements(root).filter((e) => e.name === 'Permissions');
  const value = found.map((e) => e.text?.trim() ?? '').join(',');
  return value === MANIFEST_PERMISSION
    ? []
    : [
        `<Permissions> is "${value}", but the code assumes "${MANIFEST_PERMISSION}" (src/launchevent/names.ts)`,
      ];
}

export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`manifest is not well-formed XML: ${(error as Error).message}`];
  }
  return [
    ...checkResourceReferences(root),
    ...checkHttpsUrls(root),
    ...checkIcons(root, options),
    ...checkStringLengths(root),
    ...checkRequirementSets(root),
    ...checkLaunchEvents(root),
    ...checkRuntime(root),
    ...checkComposeButton(root),
    ...checkMobileSurface(root),
    ...checkPermission(root),
  ];
}
