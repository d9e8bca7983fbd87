// Checks on manifest.xml that Microsoft's XSDs cannot express: every resid resolves to a resource
// of the right kind, every URL is https, every icon exists at its declared pixel size, string
// resources fit their limits, and the requirement sets match the features used. Each check
// returns a list of problems (empty = fine) so a test can show all of them at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Every check above on one manifest text; an unparseable manifest is one problem. */
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
  ];
}
