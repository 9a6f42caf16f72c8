// cli/command/inspect: `docker inspect` and `docker <object> inspect`. The daemon's raw JSON
// of each object is concatenated into an array and indented with four spaces; --format runs a
// template over each object (numbers keep their text, as json.Decoder.UseNumber gives them);
// objects that were not found are reported after the output.

import { CliError, errorText, type Cli } from './cli';
import { jsonIndent, jsonCompact } from './gojson';
import { GoStruct, STRING_MAP, STRING_SLICE, goTyped, jsonNumber, parseDockerTemplate, type Template } from './format';

/** JSON text → plain JS values; numbers become json.Number values (their text is kept). */
export function parseJSONUseNumber(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        i++; // :
        o[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // }
        return o;
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++;
        return a;
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`invalid character '${c}' looking for beginning of value`);
    i += m[0].length;
    return jsonNumber(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (; i < text.length; i++) {
      if (text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === '"') break;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  return value();
}

// ------------------------------------------------------------------ typed values
// The CLI runs --format first over the typed Go object it decoded (container.InspectResponse,
// image.InspectResponse, ...): objects are structs (printed `{a b}`), some fields are maps
// (printed `map[k:v]`), nil slices print `[]` and nil maps `map[]`. Only when that fails does it
// fall back to the raw JSON decoded into maps.

/** field names whose value is a Go map (the parent's field name disambiguates `Config`) */
const MAP_FIELDS = new Set([
  'Labels', 'Options', 'DriverOpts', 'ExposedPorts', 'Volumes', 'PortBindings', 'Ports', 'Networks', 'Data', 'Sysctls',
  'StorageOpt', 'Tmpfs', 'Annotations', 'Containers', 'Details', 'Status', 'IndexConfigs', 'Runtimes', 'Attributes',
  'AuxiliaryAddresses', 'Services',
]);
/** field names whose value is a Go slice (a null prints `[]`) */
const SLICE_FIELDS = new Set([
  'Args', 'Binds', 'Cmd', 'Entrypoint', 'Env', 'OnBuild', 'Shell', 'CapAdd', 'CapDrop', 'Dns', 'DnsOptions', 'DnsSearch',
  'ExtraHosts', 'GroupAdd', 'Links', 'SecurityOpt', 'VolumesFrom', 'DeviceCgroupRules', 'DeviceRequests', 'Devices',
  'BlkioWeightDevice', 'BlkioDeviceReadBps', 'BlkioDeviceWriteBps', 'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps', 'Ulimits',
  'ExecIDs', 'MaskedPaths', 'ReadonlyPaths', 'Aliases', 'DNSNames', 'SecondaryIPAddresses', 'SecondaryIPv6Addresses', 'RepoTags',
  'RepoDigests', 'Layers', 'Mounts', 'Mirrors', 'Log', 'Capabilities', 'DeviceIDs', 'LinkLocalIPs',
]);
/** fields holding pointers to structs (printed `&{…}` when they are the value printed) */
const POINTER_FIELDS = new Set(['State', 'Config', 'HostConfig', 'NetworkSettings', 'Healthcheck', 'Health', 'IPAMConfig', 'ContainerConfig', 'UsageData', 'ClusterVolume', 'Descriptor']);

/**
 * Fields Go leaves out of the JSON when empty (omitempty) but the typed struct still has: a
 * template reading them sees their zero value. By the key of the struct that holds them ('' is
 * the top-level object).
 */
const OMITTED: Record<string, Record<string, unknown>> = {
  '': { SizeRw: null, SizeRootFs: null, Node: null, ImageManifestDescriptor: null },
  State: { Health: null },
  Config: { Healthcheck: null, StopTimeout: null, StopSignal: '', Shell: 'slice', ExposedPorts: 'map', ArgsEscaped: false, NetworkDisabled: false, MacAddress: '' },
  HostConfig: { Init: null, Runtime: '', Annotations: 'map', Mounts: 'slice', StorageOpt: 'map', Tmpfs: 'map', Sysctls: 'map', KernelMemory: 0, KernelMemoryTCP: 0 },
};

const NIL_POINTER = goTyped({ kind: 'ptr', name: '*struct {}' }, null);

function zeroOf(z: unknown): unknown {
  if (z === 'slice') return goTyped(STRING_SLICE, null);
  if (z === 'map') return goTyped(STRING_MAP, null);
  if (z === null) return NIL_POINTER;
  return z;
}

function isMapField(parent: string, key: string): boolean {
  if (key === 'Config') return parent === 'LogConfig';
  if (key === 'Volumes') return parent !== '';
  return MAP_FIELDS.has(key);
}

/** Plain JSON values → the typed values the template sees first. */
export function typedValue(x: unknown, parent = '', key = '', inMap = false, top = true): unknown {
  if (x === null) {
    if (SLICE_FIELDS.has(key) && !inMap) return goTyped(STRING_SLICE, null);
    if (isMapField(parent, key) && !inMap) return goTyped(STRING_MAP, null);
    return inMap ? null : NIL_POINTER;
  }
  if (Array.isArray(x)) return x.map((v) => typedValue(v, key, '', false, false));
  if (typeof x !== 'object' || x instanceof GoStruct || Object.getPrototypeOf(x) !== Object.prototype) return x;
  const o = x as Record<string, unknown>;
  if (!inMap && isMapField(parent, key)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = typedValue(v, key, k, true, false);
    return out;
  }
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) fields[k] = typedValue(v, key, k, false, false);
  // a container's Config (not an image's, nor LogConfig.Config): only when it looks like one
  const omitted = OMITTED[key] && (key !== 'Config' || 'Image' in o) && (key !== '' || 'HostConfig' in o) ? OMITTED[key] : undefined;
  const pointer = top || (!inMap && POINTER_FIELDS.has(key));
  if (omitted && Object.keys(omitted).some((k) => !(k in fields))) {
    // json.Marshal leaves the empty omitempty fields out again
    const encoded = new GoStruct(key || 'object', { ...fields }, {}, { pointer: false });
    for (const [k, z] of Object.entries(omitted)) if (!(k in fields)) fields[k] = zeroOf(z);
    return new GoStruct(key || 'object', fields, {}, { pointer, json: () => encoded });
  }
  return new GoStruct(key || 'object', fields, {}, { pointer });
}

export type GetRef = (ref: string) => Promise<{ raw: string; typedOnly?: boolean; typeName?: string }>;

/** Escapes what json.Marshal escapes (the typed re-encoding of objects without raw JSON). */
function escapeHTML(s: string): string {
  return s.replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** inspect.Inspect */
export async function inspectObjects(cli: Cli, refs: string[], format: string, getRef: GetRef): Promise<void> {
  let tmpl: Template | undefined;
  const mode = format === '' ? 'indent' : format === 'json' ? 'json' : 'template';
  if (mode === 'template') {
    try {
      tmpl = parseDockerTemplate(format);
    } catch (e) {
      throw new CliError(`template parsing error: ${(e as Error).message}`, 64);
    }
  }
  const errs: string[] = [];
  const raws: string[] = [];
  let buffer = '';
  for (const ref of refs) {
    let got: { raw: string; typedOnly?: boolean; typeName?: string };
    try {
      got = await getRef(ref);
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
      continue;
    }
    const raw = got.typedOnly ? escapeHTML(got.raw) : got.raw;
    if (mode !== 'template') {
      raws.push(raw.trim());
      continue;
    }
    const data = parseJSONUseNumber(got.raw);
    try {
      let typed = typedValue(data);
      if (got.typeName && typed instanceof GoStruct) typed = new GoStruct(got.typeName, typed.fields, {}, { pointer: got.typeName.startsWith('*') });
      buffer += tmpl!.execute(typed) + '\n';
      continue;
    } catch (e) {
      if (got.typedOnly) {
        errs.push(`template parsing error: ${(e as Error).message}`);
        continue;
      }
      // the raw fallback below
    }
    try {
      buffer += tmpl!.execute(data, { missingKey: 'error' }) + '\n';
    } catch (e) {
      errs.push(`template parsing error: ${(e as Error).message}`);
    }
  }
  if (mode === 'template') cli.out(buffer === '' ? '\n' : buffer);
  else if (raws.length === 0) cli.out('[]\n');
  else {
    const all = '[' + raws.join(',') + ']';
    cli.out((mode === 'indent' ? jsonIndent(all, '    ') : jsonCompact(all)) + '\n');
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
