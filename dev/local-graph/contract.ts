// Validates request bodies against the official Graph contract subset (contract/), strictly, as the
// service does: unknown properties of non-open types are rejected, `fieldValueSet` is open, string
// enums match case-insensitively and action parameters bind case-insensitively (PascalCase in the
// description, camelCase in the docs).
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { splitPathSegments } from './graphRequest';

type Json = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; requestBodies?: Record<string, Json> };
}

const OPEN_TYPES = new Set(['microsoft.graph.fieldValueSet']); // CSDL OpenType="true"
const SCHEMA_PREFIX = '#/components/schemas/';
const SKIPPED_KEYWORDS = new Set([
  'nullable',
  'discriminator',
  'example',
  'externalDocs',
  'xml',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

const spec = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'contract', 'graph-subset.openapi.json'), 'utf8'),
) as OpenApi;
const components = spec.components.schemas;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges allOf(base $ref, own object) into one object schema. */
function flatten(schema: Json, seen = new Set<string>()): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const properties: Json = {};
  const out: Json = { type: 'object', properties };
  for (const part of schema.allOf as Json[]) {
    let p = part;
    if (typeof part.$ref === 'string') {
      const name = part.$ref.replace(SCHEMA_PREFIX, '');
      if (seen.has(name)) continue;
      seen.add(name);
      p = flatten(components[name] ?? {}, seen);
    }
    Object.assign(properties, isObject(p.properties) ? p.properties : {});
    if (p.additionalProperties !== undefined) out.additionalProperties = p.additionalProperties;
  }
  return out;
}

function convert(s: unknown, open: boolean): unknown {
  if (Array.isArray(s)) return s.map((x) => convert(x, open));
  if (!isObject(s)) return s;
  if (typeof s.$ref === 'string')
    return { $ref: 'graph#/definitions/' + s.$ref.replace(SCHEMA_PREFIX, '') };
  const o: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-') || SKIPPED_KEYWORDS.has(k)) continue;
    if (k === 'properties' && isObject(v)) {
      o.properties = Object.fromEntries(
        Object.entries(v).map(([pk, pv]) => [pk, convert(pv, false)]),
      );
    } else if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      // Graph writes "X or null" as anyOf: [{$ref: X}, {type: object, nullable: true}].
      o[k] = (v as Json[]).map((alt) =>
        alt.type === 'object' && alt.nullable && !alt.properties && !alt.$ref
          ? { type: 'null' }
          : convert(alt, false),
      );
    } else if (k === 'additionalProperties') {
      o.additionalProperties = open;
    } else if (
      k === 'enum' &&
      Array.isArray(v) &&
      v.every((x) => typeof x === 'string' || x === null)
    ) {
      o.enumCI = [...v];
    } else o[k] = convert(v, false);
  }
  if (o.additionalProperties === false) {
    // Instance annotations (@odata.etag...) are always allowed, and an object naming a derived type
    // with @odata.type is let through: derived types are not in the subset.
    delete o.additionalProperties;
    const known = Object.keys(isObject(o.properties) ? o.properties : {});
    o.if = { required: ['@odata.type'] };
    o.else = {
      properties: Object.fromEntries(known.map((k) => [k, true])),
      patternProperties: { '@': true },
      additionalProperties: false,
    };
  }
  if (s.nullable) {
    if (typeof o.type === 'string') o.type = [o.type, 'null'];
    const alts = (o.anyOf ?? o.oneOf) as unknown[] | undefined;
    if (alts) alts.push({ type: 'null' });
    if (Array.isArray(o.enumCI) && !o.enumCI.includes(null)) o.enumCI = [...o.enumCI, null];
  }
  return o;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addKeyword({
  keyword: 'enumCI',
  schemaType: 'array',
  errors: false,
  validate: (allowed: unknown[], data: unknown) =>
    allowed.includes(data) ||
    (typeof data === 'string' &&
      allowed.some((a) => typeof a === 'string' && a.toLowerCase() === data.toLowerCase())),
});
for (const f of [
  'int8',
  'uint8',
  'int16',
  'int32',
  'int64',
  'float',
  'double',
  'decimal',
  'base64url',
]) {
  ajv.addFormat(f, true);
}
ajv.addSchema({
  $id: 'graph',
  definitions: Object.fromEntries(
    Object.entries(components).map(([n, s]) => [n, convert(flatten(s), OPEN_TYPES.has(n))]),
  ),
});

// ---------- path matching ----------
function segmentScore(template: string, actual: string): number {
  if (/^\{[^}]+\}$/.test(template)) return 1;
  const unqualified = (x: string) => x.replace(/^microsoft\.graph\./i, '').replace(/\(.*\)$/, '');
  return unqualified(template).toLowerCase() === unqualified(actual).toLowerCase() ? 2 : 0;
}

interface Operation {
  template: string;
  op: Json;
}

function findOperation(method: string, graphPath: string): Operation | null {
  const normalized = graphPath.replace(
    /^\/sites\/([^/:]+:\/[^:]*)(?::(?=\/|$)|$)/,
    (_m, key: string) => '/sites/' + encodeURIComponent(key),
  );
  const segs = splitPathSegments(normalized);
  let best: (Operation & { score: number }) | null = null;
  for (const [template, item] of Object.entries(spec.paths)) {
    const tsegs = template.split('/').filter(Boolean);
    if (tsegs.length !== segs.length) continue;
    let score = 0;
    let ok = true;
    tsegs.forEach((t, i) => {
      const s = segmentScore(t, segs[i] ?? '');
      if (!s) ok = false;
      score += s;
    });
    const op = item[method.toLowerCase()];
    if (ok && isObject(op) && (!best || score > best.score)) best = { template, op, score };
  }
  return best;
}

const compiled = new Map<string, ValidateFunction>();

function requestSchema(op: Json): Json | undefined {
  let rb = op.requestBody as Json | undefined;
  if (rb && typeof rb.$ref === 'string')
    rb = spec.components.requestBodies?.[rb.$ref.split('/').pop() ?? ''];
  const content = rb?.content as Record<string, { schema?: Json }> | undefined;
  return content?.['application/json']?.schema;
}

/**
 * Problems with a request body for METHOD graphPath (path below /v1.0, no query), or [] when it
 * is valid or the contract does not describe the operation.
 */
export function validateRequestBody(method: string, graphPath: string, body: unknown): string[] {
  const found = findOperation(method, graphPath);
  if (!found) return [];
  const schema = requestSchema(found.op);
  if (!schema) return body === undefined ? [] : ['the operation takes no request body'];
  if (body === undefined) return ['a request body is required'];
  let subject = body;
  if (
    found.op['x-ms-docs-operation-type'] === 'action' &&
    isObject(schema.properties) &&
    isObject(body)
  ) {
    const byLower = new Map(Object.keys(schema.properties).map((k) => [k.toLowerCase(), k]));
    subject = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [byLower.get(k.toLowerCase()) ?? k, v]),
    );
  }
  const key = `${method.toUpperCase()} ${found.template}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(convert(schema, false) as Json);
    compiled.set(key, validate);
  }
  if (validate(subject)) return [];
  const problems = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const where = e.instancePath || '(body)';
      if (e.keyword === 'additionalProperties') {
        return `${where}: property '${String(e.params.additionalProperty)}' does not exist on this type`;
      }
      if (e.keyword === 'enumCI') return `${where}: value is not one of the allowed values`;
      return `${where}: ${e.message ?? 'is invalid'}`;
    });
  return [...new Set(problems)];
}
