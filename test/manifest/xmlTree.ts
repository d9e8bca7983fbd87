// A minimal XML reader for the manifest checks. The manifest is schema-validated separately, so
// this only needs the subset manifests use: elements, attributes, text, comments, the XML
// declaration and the five predefined entities. It keeps names as written (prefix:local); the
// checks compare local names, because the manifest switches default namespace mid-document.

export interface XmlElement {
  name: string;
  localName: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const named = ENTITIES[entity];
    if (named === undefined) throw new Error(`Unknown XML entity ${whole}`);
    return named;
  });
}

function localNameOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML text into a tree; throws on mismatched or unclosed tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = {
    name: '#document',
    localName: '#document',
    attributes: {},
    children: [],
    text: '',
    parent: null,
    line: 0,
  };
  let current = root;
  let consumed = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closingName, openingName, attributeText, selfClosing] = match;
    const index = match.index ?? 0;
    if (index !== consumed) throw new Error(`Unparseable XML at line ${lineAt(xml, consumed)}`);
    consumed = index + token.length;
    if (token.startsWith('<!--') || token.startsWith('<?')) continue;
    if (token.startsWith('<![CDATA[')) {
      current.text += token.slice(9, -3);
    } else if (closingName !== undefined) {
      if (closingName !== current.name) {
        throw new Error(
          `Closing </${closingName}> does not match <${current.name}> at line ${lineAt(xml, index)}`,
        );
      }
      current = current.parent ?? root;
    } else if (openingName !== undefined) {
      const attributes: Record<string, string> = {};
      for (const attribute of (attributeText ?? '').matchAll(ATTRIBUTE)) {
        const [, attributeName, doubleQuoted, singleQuoted] = attribute;
        if (attributeName)
          attributes[attributeName] = decodeEntities(doubleQuoted ?? singleQuoted ?? '');
      }
      const element: XmlElement = {
        name: openingName,
        localName: localNameOf(openingName),
        attributes,
        children: [],
        text: '',
        parent: current,
        line: lineAt(xml, index),
      };
      current.children.push(element);
      if (!selfClosing) current = element;
    } else {
      current.text += decodeEntities(token);
    }
  }
  if (consumed !== xml.length) throw new Error(`Unparseable XML at line ${lineAt(xml, consumed)}`);
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  const documentElement = root.children[0];
  if (!documentElement || root.children.length !== 1)
    throw new Error('XML must have exactly one root element');
  return documentElement;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every element in document order, the root included. */
export function allElements(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}

export function childrenNamed(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child) => child.localName === localName);
}

export function ancestors(element: XmlElement): XmlElement[] {
  const chain: XmlElement[] = [];
  for (let node = element.parent; node; node = node.parent) chain.push(node);
  return chain;
}

/** A readable location for failure messages: the element path and its line. */
export function describe(element: XmlElement): string {
  const path = [...ancestors(element)]
    .reverse()
    .filter((node) => node.name !== '#document')
    .map((node) => node.localName);
  return `${[...path, element.localName].join('/')} (line ${element.line})`;
}
