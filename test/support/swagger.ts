// Validates Engine API responses against the Engine API 1.50 swagger
// (shared/reference/engine-api/swagger-v1.50.yaml; see shared.ts for locating it).
//
//   validateResponse({ method, path, status, body, contentType }) -> Violation[]
//   expectValidResponse(...)      throws ResponseViolationError listing every violation
//   wrapFetch(fetch) / wrapHonoApp(app)   validate every response a test sees
//
// Swagger 2.0 schemas are converted to JSON Schema (draft-07) for ajv: $ref to
// #/definitions, x-nullable, additionalProperties, allOf, enums, known formats.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { sharedFile } from './shared';

// ---------------------------------------------------------------------------------------------
// Public types

export type ViolationKind =
  | 'schema' // the body does not match the schema
  | 'body' // the body is not what the response calls for (not JSON, not empty, ...)
  | 'content-type' // a JSON response without `Content-Type: application/json`
  | 'operation' // no such operation in the spec
  | 'status'; // the status code is not documented for the operation

export interface Violation {
  kind: ViolationKind;
  /** JSON path in the body (`$.State.Health.Status`), or `$` for the whole body. */
  path: string;
  message: string;
  /** 1-based line number within an NDJSON stream. */
  line?: number;
}

export interface ResponseToValidate {
  method: string;
  /** Request path, with or without `/v1.NN`, query string allowed (ignored). Full URLs accepted. */
  path: string;
  status: number;
  /**
   * Raw body (string, Uint8Array, ArrayBuffer), or an already parsed JSON value (object, array,
   * number, boolean, null). Use `json` to pass a parsed JSON string. Omitted = not checked.
   */
  body?: unknown;
  /** Parsed JSON body (takes precedence over `body`). */
  json?: unknown;
  /** The response's Content-Type header; `null` = absent; omitted = not checked. */
  contentType?: string | null;
}

export interface ValidatorOptions {
  /** Path of the swagger file; default shared/reference/engine-api/swagger-v1.50.yaml. */
  specPath?: string;
  /**
   * Which nulls are accepted.
   * `go` (default): where the spec says `x-nullable: true`, and also arrays and maps (objects
   * with additionalProperties only) unless the spec says `x-nullable: false`, because moby's
   * encoding/json writes nil slices and maps as null and the spec rarely marks them; plus the few
   * Go pointer fields the spec does not mark (GO_POINTER_FIELDS).
   * `spec`: only where the spec says `x-nullable: true` (strict reading of the document).
   */
  nulls?: 'spec' | 'go';
  /** Report error statuses (4xx/5xx) the operation does not document. Default false. */
  strictErrorStatus?: boolean;
}

export interface OperationMatch {
  method: string;
  /** The spec's path template, e.g. `/containers/{id}/json`. */
  template: string;
  operationId: string;
  params: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Swagger -> JSON Schema

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const SPEC_ID = 'docker-engine-swagger';
const KEEP = new Set([
  'type', 'properties', 'items', 'additionalProperties', 'required', 'enum', 'allOf',
  'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems',
  'uniqueItems', 'multipleOf', 'format', 'minProperties', 'maxProperties',
]);
const KNOWN_FORMATS = new Set([
  'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'date-time', 'dateTime', 'uri', 'ip-address', 'CIDR',
]);

/**
 * Fields moby declares as Go pointers without `omitempty` (so they are written as null when
 * unset) that the spec does not mark x-nullable. Accepted as null in `nulls: 'go'` mode.
 * Source: moby api/types/container/hostconfig.go (Resources).
 */
export const GO_POINTER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Resources: ['MemorySwappiness', 'OomKillDisable'],
  // an exec that has not run yet has no exit code (api/types/container ExecInspect: *int)
  ExecInspectResponse: ['ExitCode'],
};

/**
 * Maps the spec marks `x-nullable: false` that moby 28.2.2 nevertheless writes as null when
 * they are nil (real Docker is the specification; `docker volume inspect` shows `"Labels": null`).
 * Sources: moby volume/service (Labels kept nil when the request has none; Options nil without
 * driver options), daemon/images/image_list.go newImageSummary (Labels = image.Config.Labels).
 */
export const MOBY_NIL_MAPS: Readonly<Record<string, readonly string[]>> = {
  Volume: ['Labels', 'Options'],
  ImageSummary: ['Labels'],
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function refTarget(ref: string): string {
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  if (!m) throw new Error(`swagger: unsupported $ref ${ref}`);
  return `${SPEC_ID}#/definitions/${m[1]}`;
}

function allowNull(schema: Obj): Obj {
  if (typeof schema.type === 'string') {
    const out: Obj = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  }
  // $ref, allOf or untyped: null passes, anything else is checked (and reported) by the schema.
  return { if: { type: 'null' }, else: schema };
}

function convert(s: Json, nulls: 'spec' | 'go'): Json {
  if (!isObj(s)) return s;
  // inline response schemas carry a title: Go pointers in them are marked by that title
  if (nulls === 'go' && typeof s.title === 'string' && !s.$ref) s = markGoPointers(s.title, s) as Obj;
  let out: Obj;
  if (typeof s.$ref === 'string') {
    out = { $ref: refTarget(s.$ref) }; // siblings of $ref are ignored in Swagger 2.0
  } else {
    out = {};
    for (const [k, v] of Object.entries(s)) {
      if (!KEEP.has(k)) continue;
      if (k === 'properties' && isObj(v)) {
        const props: Obj = {};
        for (const [name, ps] of Object.entries(v)) props[name] = convert(ps, nulls);
        out.properties = props;
      } else if (k === 'items' || k === 'additionalProperties') {
        out[k] = typeof v === 'boolean' ? v : convert(v, nulls);
      } else if (k === 'allOf' && Array.isArray(v)) {
        out.allOf = v.map((x) => convert(x, nulls));
      } else if (k === 'format') {
        if (typeof v === 'string' && KNOWN_FORMATS.has(v)) out.format = v;
      } else if (k === 'type') {
        if (v !== 'file') out.type = v;
      } else if (k === 'required') {
        if (Array.isArray(v) && v.length > 0) out.required = v;
      } else {
        out[k] = v;
      }
    }
    // Swagger 2.0 (draft-04) exclusive bounds are booleans.
    if (s.exclusiveMinimum === true && typeof s.minimum === 'number') {
      delete out.minimum;
      out.exclusiveMinimum = s.minimum;
    }
    if (s.exclusiveMaximum === true && typeof s.maximum === 'number') {
      delete out.maximum;
      out.exclusiveMaximum = s.maximum;
    }
  }
  const xn = s['x-nullable'];
  if (xn === true) return allowNull(out);
  if (nulls === 'go' && xn !== false) {
    const isArray = s.type === 'array';
    const isMap = (s.type === 'object' || s.type === undefined) && s.additionalProperties !== undefined && s.additionalProperties !== false && !isObj(s.properties);
    if (isArray || isMap) return allowNull(out);
  }
  return out;
}

function markGoPointers(name: string, schema: Json): Json {
  const fields = GO_POINTER_FIELDS[name] ?? [];
  const nilMaps = MOBY_NIL_MAPS[name] ?? [];
  if ((fields.length === 0 && nilMaps.length === 0) || !isObj(schema) || !isObj(schema.properties)) return schema;
  const props: Obj = { ...schema.properties };
  for (const f of fields) {
    const p = props[f];
    if (isObj(p) && p['x-nullable'] === undefined) props[f] = { ...p, 'x-nullable': true };
  }
  for (const f of nilMaps) {
    const p = props[f];
    if (isObj(p)) props[f] = { ...p, 'x-nullable': true };
  }
  return { ...schema, properties: props };
}

// ---------------------------------------------------------------------------------------------
// Formats

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
function intRange(min: number, max: number) {
  return { type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= min && n <= max };
}
function addFormats(ajv: Ajv) {
  ajv.addFormat('int8', intRange(-128, 127));
  ajv.addFormat('int16', intRange(-32768, 32767));
  ajv.addFormat('int32', intRange(-2147483648, 2147483647));
  ajv.addFormat('int64', intRange(-Number.MAX_VALUE, Number.MAX_VALUE));
  ajv.addFormat('uint8', intRange(0, 255));
  ajv.addFormat('uint16', intRange(0, 65535));
  ajv.addFormat('uint32', intRange(0, 4294967295));
  ajv.addFormat('uint64', intRange(0, Number.MAX_VALUE));
  const dateTime = (v: string) => RFC3339.test(v) && !Number.isNaN(Date.parse(v.replace(/\.\d+/, '')));
  ajv.addFormat('date-time', { type: 'string', validate: dateTime });
  ajv.addFormat('dateTime', { type: 'string', validate: dateTime });
  ajv.addFormat('uri', { type: 'string', validate: (v: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(v) });
  ajv.addFormat('ip-address', { type: 'string', validate: (v: string) => isIP(v) !== 0 });
  ajv.addFormat('CIDR', {
    type: 'string',
    validate: (v: string) => {
      const m = /^(.+)\/(\d{1,3})$/.exec(v);
      if (!m) return false;
      const fam = isIP(m[1]!);
      const bits = Number(m[2]);
      return (fam === 4 && bits <= 32) || (fam === 6 && bits <= 128);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Operations

interface SpecResponse {
  schema?: Json;
  description?: string;
}
interface Operation {
  method: string;
  template: string;
  operationId: string;
  responses: Record<string, SpecResponse>;
  produces?: string[];
  literalCount: number;
  single: RegExp; // parameters match one segment
  multi: RegExp; // parameters may span segments (image names contain '/')
  paramNames: string[];
}

/**
 * Streaming endpoints whose 200 body is newline-delimited JSON, with the schema of one line.
 * Where the spec gives the 200 schema (events, stats) that schema describes one message; where
 * it gives none (pull, push, build, load) the line type is the spec's progress message.
 */
const NDJSON_LINES: Record<string, string> = {
  SystemEvents: 'EventMessage',
  ContainerStats: 'ContainerStatsResponse',
  ImageCreate: 'CreateImageInfo',
  ImagePush: 'PushImageInfo',
  ImageBuild: 'BuildInfo',
  ImageLoad: 'BuildInfo',
};

/** Operations whose successful body is a byte stream, not JSON (never parsed). */
const BINARY_OPERATIONS = new Set([
  'ContainerLogs', 'ContainerAttach', 'ContainerAttachWebsocket', 'ContainerExport',
  'ContainerArchive', 'ExecStart', 'ImageGet', 'ImageGetAll', 'ServiceLogs', 'TaskLogs',
  'SystemPing', 'SystemPingHead', 'Session', 'PutContainerArchive', 'ContainerArchiveInfo',
]);

/** Operations that stream (their body may stay open): wrapFetch does not wait for them. */
export const STREAMING_OPERATIONS: ReadonlySet<string> = new Set([
  ...Object.keys(NDJSON_LINES),
  'ContainerLogs', 'ContainerAttach', 'ContainerAttachWebsocket', 'ContainerExport',
  'ContainerArchive', 'ContainerWait', 'ExecStart', 'ImageGet', 'ImageGetAll', 'ServiceLogs',
  'TaskLogs', 'PluginPull', 'PluginUpgrade', 'PluginPush', 'Session',
]);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileTemplate(template: string) {
  const segs = template.split('/').filter(Boolean);
  const paramNames: string[] = [];
  let literalCount = 0;
  const single: string[] = [];
  const multi: string[] = [];
  for (const seg of segs) {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m) {
      paramNames.push(m[1]!);
      single.push('([^/]+)');
      multi.push('(.+)');
    } else {
      literalCount++;
      single.push(escapeRe(seg));
      multi.push(escapeRe(seg));
    }
  }
  return {
    paramNames,
    literalCount,
    single: new RegExp(`^/${single.join('/')}$`),
    multi: new RegExp(`^/${multi.join('/')}$`),
  };
}

/** The request path without scheme/host, query string, fragment or `/v1.NN` prefix. */
export function normalizeApiPath(path: string): string {
  let p = path;
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(p);
  if (abs) p = p.slice(abs[0].length);
  p = p.replace(/[?#].*$/, '');
  if (!p.startsWith('/')) p = `/${p}`;
  p = p.replace(/^\/v\d+(\.\d+)?(?=\/|$)/, '');
  if (p === '') p = '/';
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

// ---------------------------------------------------------------------------------------------
// Validator

export class SwaggerValidator {
  readonly ajv: Ajv;
  readonly operations: Operation[];
  readonly definitions: Obj;
  private readonly options: Required<Omit<ValidatorOptions, 'specPath'>>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: Obj, options: ValidatorOptions = {}) {
    this.options = { nulls: options.nulls ?? 'go', strictErrorStatus: options.strictErrorStatus ?? false };
    const defs: Obj = {};
    for (const [name, schema] of Object.entries(isObj(spec.definitions) ? spec.definitions : {})) {
      defs[name] = convert(this.options.nulls === 'go' ? markGoPointers(name, schema) : schema, this.options.nulls);
    }
    this.definitions = defs;
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: SPEC_ID, definitions: defs });

    this.operations = [];
    const paths = isObj(spec.paths) ? spec.paths : {};
    for (const [template, item] of Object.entries(paths)) {
      if (!isObj(item)) continue;
      for (const [method, op] of Object.entries(item)) {
        if (!isObj(op) || !['get', 'put', 'post', 'delete', 'head', 'patch', 'options'].includes(method)) continue;
        const responses: Record<string, SpecResponse> = {};
        for (const [code, r] of Object.entries(isObj(op.responses) ? op.responses : {})) {
          if (isObj(r)) responses[code] = { schema: r.schema, description: typeof r.description === 'string' ? r.description : undefined };
        }
        this.operations.push({
          method: method.toUpperCase(),
          template,
          operationId: typeof op.operationId === 'string' ? op.operationId : `${method} ${template}`,
          responses,
          produces: Array.isArray(op.produces) ? op.produces.filter((x): x is string => typeof x === 'string') : undefined,
          ...compileTemplate(template),
        });
      }
    }
  }

  /** The operation a request goes to, or undefined. */
  findOperation(method: string, path: string): OperationMatch | undefined {
    const op = this.findOp(method, path);
    return op ? { method: op.op.method, template: op.op.template, operationId: op.op.operationId, params: op.params } : undefined;
  }

  private findOp(method: string, rawPath: string): { op: Operation; params: Record<string, string> } | undefined {
    const m = method.toUpperCase();
    const p = normalizeApiPath(rawPath);
    const candidates = this.operations.filter((o) => o.method === m);
    for (const key of ['single', 'multi'] as const) {
      let best: { op: Operation; match: RegExpExecArray } | undefined;
      for (const op of candidates) {
        const match = op[key].exec(p);
        if (match && (!best || op.literalCount > best.op.literalCount)) best = { op, match };
      }
      if (best) {
        const params: Record<string, string> = {};
        best.op.paramNames.forEach((n, i) => {
          const raw = best!.match[i + 1]!;
          try {
            params[n] = decodeURIComponent(raw);
          } catch {
            params[n] = raw;
          }
        });
        return { op: best.op, params };
      }
    }
    return undefined;
  }

  /** Whether an operation's successful body is newline-delimited JSON. */
  isNdjson(method: string, path: string): boolean {
    const found = this.findOp(method, path);
    return !!found && NDJSON_LINES[found.op.operationId] !== undefined;
  }

  /** Whether an operation streams (see STREAMING_OPERATIONS). */
  isStreaming(method: string, path: string): boolean {
    const found = this.findOp(method, path);
    return !!found && STREAMING_OPERATIONS.has(found.op.operationId);
  }

  private validatorFor(key: string, schema: Json): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(convert(schema, this.options.nulls) as object);
      this.compiled.set(key, v);
    }
    return v;
  }

  /** Validates a value against a definition by name (e.g. `ContainerInspectResponse`). */
  validateDefinition(name: string, value: unknown): Violation[] {
    if (!(name in this.definitions)) throw new Error(`swagger: no definition ${name}`);
    const v = this.validatorFor(`#def:${name}`, { $ref: `#/definitions/${name}` });
    return v(value) ? [] : ajvViolations(v.errors ?? [], value);
  }

  validateResponse(r: ResponseToValidate): Violation[] {
    const out: Violation[] = [];
    const method = r.method.toUpperCase();
    const found = this.findOp(method, r.path);
    const isError = r.status >= 400;
    const what = `${method} ${normalizeApiPath(r.path)}`;
    const text = rawText(r);

    if (!found) {
      if (!isError) {
        out.push({ kind: 'operation', path: '$', message: `no operation ${what} in the Engine API 1.50 spec` });
        return out;
      }
      // Unknown routes still answer with the error body moby writes everywhere.
      return this.checkJson(r, text, { $ref: '#/definitions/ErrorResponse' }, 'ErrorResponse', out);
    }
    const { op } = found;
    const label = `${op.method} ${op.template} (${op.operationId})`;
    let response = op.responses[String(r.status)] ?? op.responses.default;
    if (!response) {
      if (!isError || this.options.strictErrorStatus) {
        const documented = Object.keys(op.responses).join(', ');
        out.push({ kind: 'status', path: '$', message: `status ${r.status} is not documented for ${label} (documented: ${documented})` });
      }
      if (!isError) return out;
      response = { schema: { $ref: '#/definitions/ErrorResponse' } };
    }

    // Empty bodies: 204 / 304 / HEAD.
    if (r.status === 204 || r.status === 304 || method === 'HEAD') {
      if (text !== undefined && text.length > 0) {
        out.push({ kind: 'body', path: '$', message: `a ${method === 'HEAD' ? 'HEAD response' : `${r.status} response`} must have an empty body, got ${preview(text)}` });
      } else if (text === undefined && r.json !== undefined) {
        out.push({ kind: 'body', path: '$', message: `a ${r.status} response must have an empty body, got a JSON value` });
      }
      return out;
    }

    if (r.status >= 200 && r.status < 300 && NDJSON_LINES[op.operationId]) {
      return this.checkNdjson(r, text, NDJSON_LINES[op.operationId]!, out);
    }
    if (r.status < 300 && BINARY_OPERATIONS.has(op.operationId)) return out;
    const schema = response.schema;
    if (schema === undefined) return out; // no schema: nothing to say about the body
    if (isObj(schema) && schema.type === 'string' && schema.format === 'binary') return out;
    return this.checkJson(r, text, schema, `${op.operationId}:${r.status}`, out);
  }

  private checkContentType(r: ResponseToValidate, out: Violation[]) {
    if (r.contentType === undefined) return;
    if (r.contentType !== 'application/json') {
      out.push({
        kind: 'content-type',
        path: '$',
        message: `a JSON response needs Content-Type exactly "application/json", got ${r.contentType === null ? 'none' : JSON.stringify(r.contentType)}`,
      });
    }
  }

  private checkJson(r: ResponseToValidate, text: string | undefined, schema: Json, key: string, out: Violation[]): Violation[] {
    let value: unknown;
    if (r.json !== undefined) value = r.json;
    else if (text !== undefined) {
      if (text.trim() === '') {
        out.push({ kind: 'body', path: '$', message: 'expected a JSON body, got an empty body' });
        this.checkContentType(r, out);
        return out;
      }
      try {
        value = JSON.parse(text);
      } catch (e) {
        out.push({ kind: 'body', path: '$', message: `body is not JSON (${(e as Error).message}): ${preview(text)}` });
        return out;
      }
    } else if (r.body !== undefined) value = r.body;
    else {
      this.checkContentType(r, out);
      return out;
    }
    this.checkContentType(r, out);
    const v = this.validatorFor(key, schema);
    if (!v(value)) out.push(...ajvViolations(v.errors ?? [], value));
    return out;
  }

  private checkNdjson(r: ResponseToValidate, text: string | undefined, def: string, out: Violation[]): Violation[] {
    this.checkContentType(r, out);
    const v = this.validatorFor(`#def:${def}`, { $ref: `#/definitions/${def}` });
    const check = (value: unknown, line?: number) => {
      if (!v(value)) {
        for (const e of ajvViolations(v.errors ?? [], value)) out.push(line === undefined ? e : { ...e, line });
      }
    };
    if (text === undefined) {
      if (r.json !== undefined || r.body !== undefined) {
        const value = r.json !== undefined ? r.json : r.body;
        if (Array.isArray(value)) value.forEach((x, i) => check(x, i + 1));
        else check(value);
      }
      return out;
    }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        out.push({ kind: 'body', path: '$', line: i + 1, message: `line is not JSON (${(e as Error).message}): ${preview(line)}` });
        return;
      }
      check(value, i + 1);
    });
    return out;
  }
}

function rawText(r: ResponseToValidate): string | undefined {
  if (r.json !== undefined) return undefined;
  const b = r.body;
  if (typeof b === 'string') return b;
  if (b instanceof Uint8Array) return new TextDecoder().decode(b);
  if (b instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(b));
  return undefined;
}

function preview(s: string, n = 120): string {
  const t = JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);
  return t;
}

/** `/a/0/b` in `value` -> `$.a[0].b` (array indexes in brackets, odd keys quoted). */
export function jsonPath(pointer: string, value: unknown): string {
  if (pointer === '') return '$';
  let out = '$';
  let cur: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out += `[${key}]`;
      cur = cur[Number(key)];
    } else {
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      cur = isObj(cur) ? cur[key] : undefined;
    }
  }
  return out;
}

function valueAt(pointer: string, value: unknown): unknown {
  let cur: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObj(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

function shortJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

function ajvViolations(errors: ErrorObject[], value: unknown): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the nullable wrapper; the real error is reported beside it
    let path = e.instancePath;
    let message = e.message ?? e.keyword;
    const got = valueAt(e.instancePath, value);
    if (e.keyword === 'required') {
      message = `missing required property ${JSON.stringify(String(e.params.missingProperty))}`;
    } else if (e.keyword === 'additionalProperties') {
      path = `${path}/${String(e.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      message = 'property not allowed by the schema (additionalProperties: false)';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}; got ${shortJson(got)}`;
    } else if (e.keyword === 'type') {
      const kind = got === null ? 'null' : Array.isArray(got) ? 'an array' : `${typeof got} ${shortJson(got)}`;
      message = `must be ${String(e.params.type).replace(/,/g, ' or ')}; got ${kind}`;
    } else if (e.keyword === 'format') {
      message = `must match format "${String(e.params.format)}"; got ${shortJson(got)}`;
    } else {
      message = `${message}; got ${shortJson(got)}`;
    }
    const v: Violation = { kind: 'schema', path: jsonPath(path, value), message };
    const k = `${v.path}\u0000${v.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Defaults, errors, helpers

export function defaultSpecPath(): string {
  return sharedFile('reference/engine-api/swagger-v1.50.yaml');
}

export function loadSwagger(specPath: string = defaultSpecPath()): Obj {
  const spec = parseYaml(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 }) as unknown;
  if (!isObj(spec) || spec.swagger !== '2.0') throw new Error(`${specPath} is not a Swagger 2.0 document`);
  return spec;
}

const validators = new Map<string, SwaggerValidator>();
const specs = new Map<string, Obj>();

/** A validator for the given options (cached per options). */
export function getValidator(options: ValidatorOptions = {}): SwaggerValidator {
  const specPath = options.specPath ?? defaultSpecPath();
  const key = `${specPath}|${options.nulls ?? 'go'}|${options.strictErrorStatus ?? false}`;
  let v = validators.get(key);
  if (!v) {
    let spec = specs.get(specPath);
    if (!spec) {
      spec = loadSwagger(specPath);
      specs.set(specPath, spec);
    }
    v = new SwaggerValidator(spec, options);
    validators.set(key, v);
  }
  return v;
}

export function validateResponse(r: ResponseToValidate, options?: ValidatorOptions): Violation[] {
  return getValidator(options).validateResponse(r);
}

export function formatViolation(v: Violation): string {
  const where = v.line !== undefined ? `line ${v.line} ${v.path}` : v.path;
  return `[${v.kind}] ${where}: ${v.message}`;
}

export class ResponseViolationError extends Error {
  readonly violations: Violation[];
  readonly response: { method: string; path: string; status: number };
  constructor(r: { method: string; path: string; status: number }, violations: Violation[]) {
    super(
      `${r.method.toUpperCase()} ${r.path} -> ${r.status}: ${violations.length} violation(s) of the Engine API 1.50 spec\n` +
        violations.map((v) => `  ${formatViolation(v)}`).join('\n'),
    );
    this.name = 'ResponseViolationError';
    this.violations = violations;
    this.response = { method: r.method.toUpperCase(), path: r.path, status: r.status };
  }
}

export function expectValidResponse(r: ResponseToValidate, options?: ValidatorOptions): void {
  const violations = validateResponse(r, options);
  if (violations.length > 0) throw new ResponseViolationError(r, violations);
}

// ---------------------------------------------------------------------------------------------
// wrapFetch / wrapHonoApp

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RecordedViolation {
  method: string;
  path: string;
  status: number;
  violations: Violation[];
  /** Whether the stream was cut short (cancelled) before its end: only complete lines were checked. */
  partial?: boolean;
}

export interface ValidatingFetch extends FetchLike {
  /** Every response with violations seen so far. */
  readonly violations: RecordedViolation[];
  /** Number of responses checked. */
  readonly checked: number;
  /** Throws a ResponseViolationError-like error if any violation was recorded. Waits for streams that already ended. */
  assertValid(): void;
  /** Forgets recorded violations. */
  clear(): void;
}

export interface WrapOptions extends ValidatorOptions {
  /**
   * Reject the fetch promise when a (non-streaming) response violates the spec. Default true.
   * Streaming responses are checked as the test reads them; their violations are recorded and
   * reported by assertValid(), the next call, and at the end of the current vitest test.
   */
  throwOnViolation?: boolean;
  /** Drop violations a test accepts (return false to ignore one). */
  filter?: (v: Violation, r: { method: string; path: string; status: number }) => boolean;
  /** Fail the current vitest test at its end if violations were recorded (default true). */
  failTestOnViolation?: boolean;
}

function requestInfo(input: string | URL | Request, init?: RequestInit): { method: string; url: string } {
  if (input instanceof Request) return { method: (init?.method ?? input.method).toUpperCase(), url: input.url };
  return { method: (init?.method ?? 'GET').toUpperCase(), url: String(input) };
}

function violationError(recs: RecordedViolation[]): Error {
  const lines = recs.map((r) => new ResponseViolationError(r, r.violations).message + (r.partial ? '\n  (stream was cancelled; checked the complete lines read)' : ''));
  const e = new Error(`Engine API responses violated the spec:\n${lines.join('\n')}`);
  e.name = 'ResponseViolationError';
  return e;
}

let onTestFinishedHook: ((fn: () => void) => void) | null | undefined;
async function loadTestHook(): Promise<((fn: () => void) => void) | null> {
  if (onTestFinishedHook !== undefined) return onTestFinishedHook;
  try {
    const vitest = await import('vitest');
    onTestFinishedHook = (fn) => vitest.onTestFinished(fn);
  } catch {
    onTestFinishedHook = null;
  }
  return onTestFinishedHook;
}

/**
 * Wraps a fetch-like function so that each response is validated against the spec.
 * The returned function answers with an equivalent Response (its body re-wrapped).
 */
export function wrapFetch(fetchFn: FetchLike, options: WrapOptions = {}): ValidatingFetch {
  const validator = getValidator(options);
  const throwOnViolation = options.throwOnViolation ?? true;
  const failTest = options.failTestOnViolation ?? true;
  const recorded: RecordedViolation[] = [];
  let reported = 0;
  let checked = 0;
  const hookedTests = new Set<string>();

  const record = (rec: RecordedViolation): boolean => {
    checked++;
    const kept = options.filter ? rec.violations.filter((v) => options.filter!(v, rec)) : rec.violations;
    if (kept.length === 0) return false;
    recorded.push({ ...rec, violations: kept });
    return true;
  };
  const unreported = () => recorded.slice(reported);
  const throwPending = () => {
    const pending = unreported();
    if (pending.length > 0) {
      reported = recorded.length;
      throw violationError(pending);
    }
  };

  const hookCurrentTest = async () => {
    if (!failTest) return;
    const hook = await loadTestHook();
    if (!hook) return;
    try {
      const { expect } = await import('vitest');
      const state = expect.getState() as { currentTestName?: string; testPath?: string };
      if (!state.currentTestName) return; // not inside a test (beforeAll, a plain script)
      const key = `${state.testPath ?? ''}\u0000${state.currentTestName}`;
      if (hookedTests.has(key)) return;
      hookedTests.add(key);
      hook(() => throwPending());
    } catch {
      // onTestFinished refuses outside a running test: nothing to hook
    }
  };

  const wrapped = (async (input: string | URL | Request, init?: RequestInit) => {
    await hookCurrentTest();
    if (throwOnViolation) throwPending();
    const { method, url } = requestInfo(input, init);
    const res = await fetchFn(input, init);
    const info = { method, path: url, status: res.status };
    const contentType = res.headers.get('content-type');
    const streaming = res.status < 300 && validator.isStreaming(method, url);
    const ndjson = validator.isNdjson(method, url);
    if (!res.body || res.status < 200 || res.status === 204 || res.status === 304) {
      let text = '';
      if (res.body) {
        // 1xx or an unexpected body on 204/304: read it (it is small) for the check.
        text = await res.clone().text();
      }
      const bad = record({ ...info, violations: validator.validateResponse({ ...info, body: text, contentType: text ? contentType : undefined }) });
      if (bad && throwOnViolation) throwPending();
      return res;
    }
    if (!streaming) {
      const buf = new Uint8Array(await res.arrayBuffer());
      const bad = record({ ...info, violations: validator.validateResponse({ ...info, body: buf, contentType }) });
      const copy = rebuild(res, buf);
      if (bad && throwOnViolation) throwPending();
      return copy;
    }
    // Streaming: pass chunks through as the test reads them; validate what was seen at the end.
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let done = false;
    const finish = (partial: boolean) => {
      if (done) return;
      done = true;
      let text = new TextDecoder().decode(concat(chunks));
      if (partial) {
        if (!ndjson) return; // a cut-off JSON document or byte stream says nothing
        text = text.slice(0, text.lastIndexOf('\n') + 1); // complete NDJSON lines only
      }
      const rec: RecordedViolation = { ...info, violations: validator.validateResponse({ ...info, body: text, contentType }) };
      if (partial) rec.partial = true;
      record(rec);
    };
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done: end } = await reader.read();
          if (end) {
            finish(false);
            controller.close();
          } else {
            chunks.push(value);
            controller.enqueue(value);
          }
        } catch (e) {
          finish(true);
          controller.error(e);
        }
      },
      async cancel(reason) {
        finish(true);
        await reader.cancel(reason);
      },
    });
    return rebuild(res, body);
  }) as ValidatingFetch;

  Object.defineProperties(wrapped, {
    violations: { get: () => recorded },
    checked: { get: () => checked },
    assertValid: { value: () => throwPending() },
    clear: {
      value: () => {
        recorded.length = 0;
        reported = 0;
      },
    },
  });
  return wrapped;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const n = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function rebuild(res: Response, body: Uint8Array | ReadableStream<Uint8Array>): Response {
  const copy = new Response(body as BodyInit, { status: res.status, statusText: res.statusText, headers: res.headers });
  if (res.url) Object.defineProperty(copy, 'url', { value: res.url });
  return copy;
}

/** The part of a Hono app wrapHonoApp uses (`app.request`). */
export interface RequestHandlerApp {
  request(input: string | URL | Request, init?: RequestInit): Response | Promise<Response>;
}

/** Validating fetch over a Hono app (`app.request`): `const api = wrapHonoApp(app); await api('/v1.50/info')`. */
export function wrapHonoApp(app: RequestHandlerApp, options?: WrapOptions): ValidatingFetch {
  return wrapFetch(async (input, init) => app.request(input, init), options);
}
