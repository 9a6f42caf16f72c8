// Flag values: one implementation per FlagKind, reproducing how the corresponding Go type of the
// docker CLI parses (Set), prints (String) and names (Type) its value, with Go's error texts.
import type { FlagKind, FlagSpec, ValidatorName } from '../spec/types';
import { GoError, formatDuration, goQuote, parseBool, parseDuration, parseFloat, parseInt, parseIntBase10, parseUint, parseUintBase10, readCsvRecord } from './go';
import { formatIP, parseCIDR, parseIP } from './ip';
import { parsePortSpec } from './ports';
import { bytesSize, ramInBytes } from '../../units';
import { parseNormalizedNamed } from '../../reference';

export interface ValueContext {
  /** environment of the CLI process (ValidateEnv reads it) */
  env: Readonly<Record<string, string | undefined>>;
  /** working directory (relative bind-mount sources are made absolute) */
  cwd: string;
}

export interface FlagValue {
  /** pflag Value.Set; throws an Error whose message is the Go error text */
  set(s: string): void;
  /** pflag Value.String */
  string(): string;
  /** the parsed value, typed per kind (see FlagValues in result.ts) */
  get(): unknown;
}

/** pflag Value.Type(): the type name `--help` shows. */
export function typeName(kind: FlagKind): string {
  switch (kind) {
    case 'bool': return 'bool';
    case 'string': case 'quotedString': return 'string';
    case 'int': return 'int';
    case 'int32': return 'int32';
    case 'uint': return 'uint';
    case 'uint16': return 'uint16';
    case 'uint32': return 'uint32';
    case 'float64': return 'float64';
    case 'float32': return 'float32';
    case 'duration': case 'durationOpt': case 'positiveDuration': return 'duration';
    case 'stringSlice': return 'stringSlice';
    case 'stringArray': return 'stringArray';
    case 'stringToString': return 'stringToString';
    case 'ipNetSlice': return 'ipNetSlice';
    case 'list': case 'throttleDevice': case 'weightDevice': return 'list';
    case 'map': return 'map';
    case 'filter': return 'filter';
    case 'bytes': case 'swapBytes': return 'bytes';
    case 'decimal': return 'decimal';
    case 'ulimit': return 'ulimit';
    case 'mount': return 'mount';
    case 'network': return 'network';
    case 'gpus': return 'gpu-request';
    case 'port': return 'port';
    case 'secret': return 'secret';
    case 'config': return 'config';
    case 'pref': return 'pref';
    case 'credentialSpec': return 'credential-spec';
    case 'command': return 'command';
    case 'externalCA': return 'external-ca';
    case 'pemFile': return 'pem-file';
    case 'nodeAddr': return 'node-addr';
    case 'uint64Opt': return 'uint';
    case 'floatOpt': return 'float';
  }
}

/** The type name printed in the flag column of `--help` (pflag UnquoteUsage). */
export function displayTypeName(kind: FlagKind): string {
  const t = typeName(kind);
  switch (t) {
    case 'bool': return '';
    case 'float64': return 'float';
    case 'stringSlice': return 'strings';
    default: return t;
  }
}

/** pflag's "is the default the zero value" test, which decides whether `(default X)` is printed. */
export function defaultIsZero(kind: FlagKind, def: string, current: FlagValue): boolean {
  switch (kind) {
    case 'bool': return def === 'false';
    case 'duration': return def === '0' || def === '0s';
    case 'int': case 'int32': case 'uint': case 'uint16': case 'uint32': case 'float64': case 'float32': return def === '0';
    case 'string': return def === '';
    case 'stringSlice': case 'stringArray': return def === '[]';
    default: {
      const s = current.string();
      return s === 'false' || s === '<nil>' || s === '' || s === '0';
    }
  }
}

const bigToNumber = (b: bigint) => Number(b);

export { bytesSize, ramInBytes };

// ------------------------------------------------------------------ validators

const DOMAIN = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

export function validateIPAddress(val: string): string {
  const ip = parseIP(val.trim());
  if (ip) return formatIP(ip);
  throw new GoError(`IP address is not correctly formatted: ${val}`);
}

type Validator = (val: string, ctx: ValueContext) => string;

const VALIDATORS: Record<Exclude<ValidatorName, 'throttleBps' | 'throttleIops' | 'weightDevice'>, Validator> = {
  attach(val) {
    const s = val.toLowerCase();
    if (s === 'stdin' || s === 'stdout' || s === 'stderr') return s;
    throw new GoError('valid streams are STDIN, STDOUT and STDERR');
  },
  ipAddress: (val) => validateIPAddress(val),
  dnsSearch(val) {
    val = val.replace(/^ +| +$/g, '');
    if (val === '.') return val;
    if (!/[a-zA-Z]/.test(val)) throw new GoError(`${val} is not a valid domain`);
    const m = DOMAIN.exec(val);
    if (m && m[1].length < 255) return m[1];
    throw new GoError(`${val} is not a valid domain`);
  },
  deviceCgroupRule(val) {
    if (/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(val)) return val;
    throw new GoError(`invalid device cgroup format '${val}'`);
  },
  env(val, ctx) {
    const eq = val.indexOf('=');
    const k = eq < 0 ? val : val.slice(0, eq);
    if (k === '') throw new GoError('invalid environment variable: ' + val);
    if (eq >= 0) return val;
    const v = ctx.env[k];
    return v !== undefined ? `${k}=${v}` : val;
  },
  extraHost(val) {
    let sep = val.indexOf('=');
    if (sep < 0) sep = val.indexOf(':');
    const k = sep < 0 ? val : val.slice(0, sep);
    let v = sep < 0 ? '' : val.slice(sep + 1);
    if (sep < 0 || k === '' || k.includes(':')) throw new GoError(`bad format for add-host: ${goQuote(val)}`);
    if (v !== 'host-gateway') {
      if (v.length > 2 && v[0] === '[' && v[v.length - 1] === ']') v = v.slice(1, -1);
      if (!parseIP(v.trim())) throw new GoError(`invalid IP address in add-host: ${goQuote(v)}`);
    }
    return `${k}:${v}`;
  },
  label(val) {
    const eq = val.indexOf('=');
    let key = eq < 0 ? val : val.slice(0, eq);
    key = key.replace(/^[ \t]+/, '');
    if (key === '') throw new GoError(`invalid label '${val}': empty name`);
    if (/[ \t]/.test(key)) throw new GoError(`label '${key}' contains whitespaces`);
    return val;
  },
  link(val) {
    if (val === '') throw new GoError('empty string specified for links');
    if (val.split(':').length > 2) throw new GoError('bad format for links: ' + val);
    return val;
  },
  sysctl(val) {
    const eq = val.indexOf('=');
    const k = eq < 0 ? '' : val.slice(0, eq);
    const allowed = ['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'];
    if (eq < 0 || k === '') throw new GoError(`sysctl '${val}' is not allowed`);
    if (allowed.includes(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.')) return val;
    throw new GoError(`sysctl '${val}' is not allowed`);
  },
  tag(val) {
    parseNormalizedNamed(val);
    return val;
  },
  genericResource(val) {
    const eq = val.indexOf('=');
    if (eq < 0 || val.slice(0, eq) === '' || val.slice(eq + 1) === '') {
      throw new GoError(`invalid generic-resource request "${val}", expected format: <kind>=<value>`);
    }
    return val;
  },
};

function throttle(val: string, iops: boolean): { path: string; rate: number } {
  const i = val.indexOf(':');
  const k = i < 0 ? val : val.slice(0, i);
  const v = i < 0 ? '' : val.slice(i + 1);
  if (i < 0 || k === '') throw new GoError(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) throw new GoError(`bad format for device path: ${val}`);
  if (iops) {
    try {
      return { path: k, rate: Number(parseUintBase10(v, 64)) };
    } catch {
      throw new GoError(`invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
    }
  }
  let rate: number;
  try {
    rate = ramInBytes(v);
  } catch {
    rate = -1;
  }
  if (rate < 0) {
    throw new GoError(`invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`);
  }
  return { path: k, rate };
}

function weightDevice(val: string): { path: string; weight: number } {
  const i = val.indexOf(':');
  const k = i < 0 ? val : val.slice(0, i);
  const v = i < 0 ? '' : val.slice(i + 1);
  if (i < 0 || k === '') throw new GoError(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) throw new GoError(`bad format for device path: ${val}`);
  let w: number;
  try {
    w = Number(parseUintBase10(v, 16));
  } catch {
    throw new GoError(`invalid weight for device: ${val}`);
  }
  if (w > 0 && (w < 10 || w > 1000)) throw new GoError(`invalid weight for device: ${val}`);
  return { path: k, weight: w };
}

/** strconv.Atoi error reduced to its cause, as docker prints it ("invalid syntax") */
function atoi(s: string): number | Error {
  if (!/^[+-]?[0-9]+$/.test(s)) return new Error('invalid syntax');
  const v = BigInt(s);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) return new Error('value out of range');
  return Number(v);
}

// csv.Reader.Read on a flag value: empty input is io.EOF
function csvFields(value: string): string[] {
  if (value === '' || value === '\n') throw new GoError('EOF');
  return readCsvRecord(value);
}

function cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

// ------------------------------------------------------------------ mount

export interface MountValue {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; ReadOnlyNonRecursive?: boolean; ReadOnlyForceRecursive?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels: Record<string, string>; DriverConfig: { Name?: string; Options?: Record<string, string> }; Subpath?: string };
  ImageOptions?: { Subpath?: string };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

function absPath(cwd: string, p: string): string {
  const parts = (cwd.replace(/\/+$/, '') + '/' + p).split('/');
  const out: string[] = [];
  for (const x of parts) {
    if (x === '' || x === '.') continue;
    if (x === '..') out.pop();
    else out.push(x);
  }
  return '/' + out.join('/');
}

function parseMount(value: string, ctx: ValueContext): MountValue {
  const fields = csvFields(value);
  const m: MountValue = { Type: 'volume', Target: '' };
  const vol = () => (m.VolumeOptions ??= { Labels: {}, DriverConfig: {} });
  const bind = () => (m.BindOptions ??= {});
  const tmpfs = () => (m.TmpfsOptions ??= {});
  const img = () => (m.ImageOptions ??= {});
  const setKV = (target: Record<string, string>, v: string) => {
    const [k, val] = cut(v, '=');
    if (k !== '') target[k] = val;
  };
  const boolOf = (key: string, val: string, msg = `invalid value for ${key}: ${val}`) => {
    try {
      return parseBool(val);
    } catch {
      throw new GoError(msg);
    }
  };
  for (const field of fields) {
    let [key, val, ok] = cut(field, '=');
    key = key.toLowerCase();
    if (!ok) {
      switch (key) {
        case 'readonly': case 'ro': m.ReadOnly = true; continue;
        case 'volume-nocopy': vol().NoCopy = true; continue;
        case 'bind-nonrecursive': bind().NonRecursive = true; continue;
        default: throw new GoError(`invalid field '${field}' must be a key=value pair`);
      }
    }
    switch (key) {
      case 'type': m.Type = val.toLowerCase(); break;
      case 'source': case 'src':
        m.Source = !val.startsWith('/') && val.startsWith('.') ? absPath(ctx.cwd, val) : val;
        break;
      case 'target': case 'dst': case 'destination': m.Target = val; break;
      case 'readonly': case 'ro': m.ReadOnly = boolOf(key, val); break;
      case 'consistency': m.Consistency = val.toLowerCase(); break;
      case 'bind-propagation': bind().Propagation = val.toLowerCase(); break;
      case 'bind-nonrecursive': bind().NonRecursive = boolOf(key, val); break;
      case 'bind-recursive':
        switch (val) {
          case 'enabled': break;
          case 'disabled': bind().NonRecursive = true; break;
          case 'writable': bind().ReadOnlyNonRecursive = true; break;
          case 'readonly': bind().ReadOnlyForceRecursive = true; break;
          default: throw new GoError(`invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`);
        }
        break;
      case 'volume-subpath': vol().Subpath = val; break;
      case 'volume-nocopy': vol().NoCopy = boolOf(key, val, `invalid value for volume-nocopy: ${val}`); break;
      case 'volume-label': setKV(vol().Labels, val); break;
      case 'volume-driver': vol().DriverConfig.Name = val; break;
      case 'volume-opt': setKV((vol().DriverConfig.Options ??= {}), val); break;
      case 'image-subpath': img().Subpath = val; break;
      case 'tmpfs-size':
        try {
          tmpfs().SizeBytes = ramInBytes(val);
        } catch {
          throw new GoError(`invalid value for ${key}: ${val}`);
        }
        break;
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val) || parseInt('0' + val, 64) > 0xffffffffn) throw new GoError(`invalid value for ${key}: ${val}`);
        tmpfs().Mode = Number.parseInt(val, 8);
        break;
      default: throw new GoError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.Type === '') throw new GoError('type is required');
  if (m.Target === '') throw new GoError('target is required');
  if (m.VolumeOptions && m.Type !== 'volume') throw new GoError(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  if (m.ImageOptions && m.Type !== 'image') throw new GoError(`cannot mix 'image-*' options with mount type '${m.Type}'`);
  if (m.BindOptions && m.Type !== 'bind') throw new GoError(`cannot mix 'bind-*' options with mount type '${m.Type}'`);
  if (m.TmpfsOptions && m.Type !== 'tmpfs') throw new GoError(`cannot mix 'tmpfs-*' options with mount type '${m.Type}'`);
  if (m.BindOptions?.ReadOnlyNonRecursive && !m.ReadOnly) throw new GoError("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  if (m.BindOptions?.ReadOnlyForceRecursive) {
    if (!m.ReadOnly) throw new GoError("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    if (m.BindOptions.Propagation !== 'rprivate') throw new GoError("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
  }
  return m;
}

// ------------------------------------------------------------------ network

export interface NetworkAttachment {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
  IPv4Address?: string;
  IPv6Address?: string;
  LinkLocalIPs?: string[];
  MacAddress?: string;
  GwPriority?: number;
}

function parseNetwork(value: string): NetworkAttachment {
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return { Target: value };
  const fields = csvFields(value);
  const n: NetworkAttachment = { Target: '', Aliases: [] };
  for (const field of fields) {
    let [key, val, ok] = cut(field.toLowerCase(), '=');
    if (!ok || key === '') throw new GoError(`invalid field ${field}`);
    key = key.trim();
    val = val.trim();
    switch (key) {
      case 'name': n.Target = val; break;
      case 'alias': n.Aliases!.push(val); break;
      case 'ip': n.IPv4Address = val; break;
      case 'ip6': n.IPv6Address = val; break;
      case 'mac-address': n.MacAddress = val; break;
      case 'link-local-ip': (n.LinkLocalIPs ??= []).push(val); break;
      case 'driver-opt': {
        const [k, v, ok2] = cut(val.toLowerCase(), '=');
        if (!ok2 || k === '') throw new GoError('invalid key value pair format in driver options');
        (n.DriverOpts ??= {})[k.trim()] = v.trim();
        break;
      }
      case 'gw-priority': {
        const r = atoi(val);
        if (r instanceof Error) throw new GoError(`invalid gw-priority (${val}): ${r.message}`);
        n.GwPriority = r;
        break;
      }
      default: throw new GoError('invalid field key ' + key);
    }
  }
  if (n.Target.length === 0) throw new GoError('network name/id is not specified');
  return n;
}

// ------------------------------------------------------------------ gpus

export interface DeviceRequest {
  Driver?: string;
  Count: number;
  DeviceIDs?: string[];
  Capabilities: string[][];
  Options: Record<string, string>;
}

function parseGpus(value: string): DeviceRequest {
  const fields = csvFields(value);
  const req: DeviceRequest = { Count: 0, Capabilities: [], Options: {} };
  let caps: string[][] | undefined;
  let options: Record<string, string> | undefined;
  const seen = new Set<string>();
  const count = (s: string) => {
    if (s === 'all') return -1;
    const r = atoi(s);
    if (r instanceof Error) throw new GoError(`invalid count (${s}): value must be either "all" or an integer: ${r.message}`);
    return r;
  };
  for (const field of fields) {
    const [key, val, withValue] = cut(field, '=');
    if (seen.has(key)) throw new GoError(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (!withValue) {
      seen.add('count');
      req.Count = count(key);
      continue;
    }
    switch (key) {
      case 'driver': req.Driver = val; break;
      case 'count': req.Count = count(val); break;
      case 'device': req.DeviceIDs = val.split(','); break;
      case 'capabilities': caps = [[...val.split(','), 'gpu']]; break;
      case 'options': {
        let opt: string[];
        try {
          opt = csvFields(val);
        } catch (e) {
          throw new GoError(`failed to read gpu options: ${(e as Error).message}`);
        }
        options = {};
        for (const o of opt) {
          const [k, v] = cut(o, '=');
          options[k] = v;
        }
        break;
      }
      default: throw new GoError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!seen.has('count') && !req.DeviceIDs) req.Count = 1;
  req.Options = options ?? {};
  req.Capabilities = caps ?? [['gpu']];
  return req;
}

// ------------------------------------------------------------------ swarm options

export interface PortConfig {
  Protocol: string;
  TargetPort: number;
  PublishedPort: number;
  PublishMode: string;
}

function parseSwarmPort(value: string): PortConfig[] {
  if (/\w+=\w+(,\w+=\w+)*/.test(value)) {
    const fields = csvFields(value);
    const p: PortConfig = { Protocol: '', TargetPort: 0, PublishedPort: 0, PublishMode: '' };
    for (const field of fields) {
      const [key, val, ok] = cut(field.toLowerCase(), '=');
      if (!ok || key === '') throw new GoError(`invalid field: ${field}`);
      switch (key) {
        case 'protocol':
          if (val !== 'tcp' && val !== 'udp' && val !== 'sctp') throw new GoError(`invalid protocol value '${val}'`);
          p.Protocol = val;
          break;
        case 'mode':
          if (val !== 'ingress' && val !== 'host') throw new GoError(`invalid publish mode value (${val}): must be either 'ingress' or 'host'`);
          p.PublishMode = val;
          break;
        case 'target':
        case 'published': {
          let n: number;
          try {
            n = Number(parseUintBase10(val, 16));
          } catch (e) {
            const cause = (e as Error).message.replace(/^.*: /, '');
            throw new GoError(`invalid ${key === 'target' ? 'target' : 'published'} port (${val}): value must be an integer: ${cause}`);
          }
          if (key === 'target') p.TargetPort = n;
          else p.PublishedPort = n;
          break;
        }
        default: throw new GoError(`invalid field key: ${key}`);
      }
    }
    if (p.TargetPort === 0) throw new GoError("missing mandatory field 'target'");
    if (p.PublishMode === '') p.PublishMode = 'ingress';
    if (p.Protocol === '') p.Protocol = 'tcp';
    return [p];
  }
  const specs = parsePortSpec(value);
  const out: PortConfig[] = [];
  for (const s of specs) {
    if (s.hostIP !== '') throw new GoError('hostip is not supported');
  }
  for (const s of specs) {
    if (s.hostPortStart === undefined) continue;
    for (let i = s.hostPortStart; i <= s.hostPortEnd!; i++) {
      out.push({ Protocol: s.proto, TargetPort: s.port, PublishedPort: i, PublishMode: 'ingress' });
    }
  }
  return out;
}

export interface FileReference {
  /** SecretName or ConfigName */
  Name: string;
  File: { Name: string; UID: string; GID: string; Mode: number };
}

function parseFileReference(value: string, what: 'secret' | 'config'): FileReference {
  const fields = csvFields(value);
  const ref: FileReference = { Name: '', File: { Name: '', UID: '0', GID: '0', Mode: 0o444 } };
  if (fields.length === 1 && !fields[0].includes('=')) {
    ref.Name = fields[0];
    ref.File.Name = fields[0];
    return ref;
  }
  for (const field of fields) {
    const [key, val, ok] = cut(field, '=');
    if (!ok || key === '') throw new GoError(`invalid field '${field}' must be a key=value pair`);
    switch (key.toLowerCase()) {
      case 'source': case 'src': ref.Name = val; break;
      case 'target': ref.File.Name = val; break;
      case 'uid': ref.File.UID = val; break;
      case 'gid': ref.File.GID = val; break;
      case 'mode':
        try {
          ref.File.Mode = Number(parseUint(val, 32));
        } catch (e) {
          throw new GoError(`invalid mode specified: ${(e as Error).message}`);
        }
        break;
      default:
        throw new GoError(what === 'secret' ? 'invalid field in secret request: ' + key : `invalid field in config request: ${key}`);
    }
  }
  if (ref.Name === '') throw new GoError('source is required');
  if (ref.File.Name === '') ref.File.Name = ref.Name;
  return ref;
}

// github.com/google/shlex
function shlexSplit(s: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    let w = '';
    let inWord = false;
    while (i < s.length && !/\s/.test(s[i])) {
      const c = s[i];
      inWord = true;
      if (c === '\\') {
        i++;
        if (i >= s.length) throw new GoError('EOF found after escape character');
        w += s[i++];
      } else if (c === "'") {
        const j = s.indexOf("'", i + 1);
        if (j < 0) throw new GoError('EOF found when expecting closing quote');
        w += s.slice(i + 1, j);
        i = j + 1;
      } else if (c === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new GoError('EOF found when expecting closing quote');
          if (s[i] === '"') { i++; break; }
          if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1])) { w += s[i + 1]; i += 2; continue; }
          w += s[i++];
        }
      } else if (c === '#' && w === '') {
        return words;
      } else {
        w += c;
        i++;
      }
    }
    if (inWord) words.push(w);
  }
  return words;
}

// ------------------------------------------------------------------ factory

class Scalar<T> implements FlagValue {
  constructor(
    private v: T,
    private readonly parse: (s: string) => T,
    private readonly str: (v: T) => string,
  ) {}
  set(s: string) {
    this.v = this.parse(s);
  }
  string() {
    return this.str(this.v);
  }
  get() {
    return this.v;
  }
}

class Slice<T> implements FlagValue {
  private changed = false;
  constructor(
    private items: T[],
    private readonly parse: (s: string) => T[],
    private readonly str: (v: T[]) => string,
    private readonly replaceFirst: boolean,
  ) {}
  set(s: string) {
    const parsed = this.parse(s);
    if (this.replaceFirst && !this.changed) this.items = parsed;
    else this.items = [...this.items, ...parsed];
    this.changed = true;
  }
  string() {
    return this.str(this.items);
  }
  get() {
    return this.items;
  }
}

const goList = (v: readonly string[]) => `[${v.join(' ')}]`;
const csvJoin = (v: readonly string[]) =>
  '[' + v.map((x) => (/[",\n\r]/.test(x) || x.startsWith(' ') ? '"' + x.replace(/"/g, '""') + '"' : x)).join(',') + ']';

/** Build the value holder of a flag, initialised to its default `def`. */
export function createValue(spec: FlagSpec, def: string, ctx: ValueContext): FlagValue {
  const kind = spec.kind;
  switch (kind) {
    case 'bool':
      return new Scalar(def === 'true', parseBool, (v) => String(v));
    case 'string':
      return new Scalar(def, (s) => s, (v) => v);
    case 'quotedString':
      return new Scalar(def, (s) => s.replace(/^(["'])(.*)\1$/s, '$2'), (v) => v);
    case 'int':
      return new Scalar(Number(def || 0), (s) => bigToNumber(parseInt(s, 64)), String);
    case 'int32':
      return new Scalar(Number(def || 0), (s) => bigToNumber(parseInt(s, 32)), String);
    case 'uint':
      return new Scalar(Number(def || 0), (s) => bigToNumber(parseUint(s, 64)), String);
    case 'uint16':
      return new Scalar(Number(def || 0), (s) => bigToNumber(parseUint(s, 16)), String);
    case 'uint32':
      return new Scalar(Number(def || 0), (s) => bigToNumber(parseUint(s, 32)), String);
    case 'float64':
      return new Scalar(Number(def || 0), (s) => parseFloat(s, 64), String);
    case 'float32':
    case 'floatOpt':
      return new Scalar(Number(def || 0), (s) => parseFloat(s, 32), String);
    case 'duration':
      return new Scalar(def ? parseDuration(def) : 0n, parseDuration, formatDuration);
    case 'durationOpt':
    case 'positiveDuration':
      return new Scalar<bigint | undefined>(
        def ? parseDuration(def) : undefined,
        (s) => {
          const d = parseDuration(s);
          if (kind === 'positiveDuration' && d < 0n) throw new GoError('duration cannot be negative');
          return d;
        },
        (v) => (v === undefined ? '' : formatDuration(v)),
      );
    case 'uint64Opt':
      return new Scalar<number | undefined>(def ? Number(def) : undefined, (s) => bigToNumber(parseUint(s, 64)), (v) => (v === undefined ? '' : String(v)));
    case 'stringSlice':
      return new Slice<string>([], (s) => (s === '' ? [] : readCsvRecord(s)), csvJoin, true);
    case 'stringArray':
      return new Slice<string>([], (s) => [s], csvJoin, true);
    case 'ipNetSlice':
      return new Slice<string>(
        [],
        (s) => {
          const cleaned = s.replace(/["'`]/g, '');
          const parts = cleaned === '' ? [] : readCsvRecord(cleaned);
          return parts.map((p) => {
            const n = parseCIDR(p.trim());
            if (!n) throw new GoError(`invalid string being converted to CIDR: ${p}`);
            return n;
          });
        },
        (v) => goList(v),
        true,
      );
    case 'stringToString': {
      let changed = false;
      let map: Record<string, string> = {};
      return {
        set(val: string) {
          const n = (val.match(/=/g) ?? []).length;
          let ss: string[];
          if (n === 0) throw new GoError(`${val} must be formatted as key=value`);
          else if (n === 1) ss = [val.replace(/^"+|"+$/g, '')];
          else ss = readCsvRecord(val);
          const out: Record<string, string> = {};
          for (const pair of ss) {
            const [k, v, ok] = cut(pair, '=');
            if (!ok) throw new GoError(`${pair} must be formatted as key=value`);
            out[k] = v;
          }
          map = changed ? { ...map, ...out } : out;
          changed = true;
        },
        string: () => '[' + Object.entries(map).map(([k, v]) => `${k}=${v}`).join(',') + ']',
        get: () => map,
      };
    }
    case 'list': {
      const validator = spec.validate ? VALIDATORS[spec.validate as keyof typeof VALIDATORS] : undefined;
      return new Slice<string>([], (s) => [validator ? validator(s, ctx) : s], (v) => (v.length ? goList(v) : ''), false);
    }
    case 'throttleDevice':
      return new Slice([], (s) => [throttle(s, spec.validate === 'throttleIops')], (v) => goList(v.map((d) => `${d.path}:${d.rate}`)), false);
    case 'weightDevice':
      return new Slice([], (s) => [weightDevice(s)], (v) => goList(v.map((d) => `${d.path}:${d.weight}`)), false);
    case 'map': {
      const map: Record<string, string> = {};
      const validator = spec.validate ? VALIDATORS[spec.validate as keyof typeof VALIDATORS] : undefined;
      return {
        set(val: string) {
          if (validator) val = validator(val, ctx);
          const [k, v] = cut(val, '=');
          map[k] = v;
        },
        string: () => 'map[' + Object.keys(map).sort().map((k) => `${k}:${map[k]}`).join(' ') + ']',
        get: () => map,
      };
    }
    case 'filter': {
      const filters: Record<string, string[]> = {};
      return {
        set(val: string) {
          if (val === '') return;
          if (!val.includes('=')) throw new GoError('bad format of filter (expected name=value)');
          const [name, v] = cut(val, '=');
          const key = name.trim().toLowerCase();
          const list = (filters[key] ??= []);
          if (!list.includes(v.trim())) list.push(v.trim());
        },
        string: () =>
          Object.keys(filters).length === 0
            ? ''
            : JSON.stringify(Object.fromEntries(Object.entries(filters).map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v, true]))]))),
        get: () => filters,
      };
    }
    case 'bytes':
      return new Scalar(0, ramInBytes, (v) => (v !== 0 ? bytesSize(v) : '0'));
    case 'swapBytes':
      return new Scalar(0, (s) => (s === '-1' ? -1 : ramInBytes(s)), (v) => (v !== 0 ? bytesSize(v) : '0'));
    case 'decimal':
      return new Scalar(0, parseCPUs, (v) => (v === 0 ? '' : (v / 1e9).toFixed(3)));
    case 'ulimit': {
      const limits: Record<string, { Name: string; Soft: number; Hard: number }> = {};
      return {
        set(val: string) {
          const l = parseUlimit(val);
          limits[l.Name] = l;
        },
        string: () => goList(Object.values(limits).map((l) => `${l.Name}=${l.Soft}:${l.Hard}`).sort()),
        get: () => limits,
      };
    }
    case 'mount':
      return new Slice<MountValue>([], (s) => [parseMount(s, ctx)], (v) => v.map((m) => `${m.Type} ${m.Source ?? ''} ${m.Target}`).join(', '), false);
    case 'network':
      return new Slice<NetworkAttachment>([], (s) => [parseNetwork(s)], (v) => v.map((n) => n.Target).join(', '), false);
    case 'gpus':
      return new Slice<DeviceRequest>([], (s) => [parseGpus(s)], (v) => v.map((g) => JSON.stringify(g)).join(', '), false);
    case 'port':
      return new Slice<PortConfig>([], parseSwarmPort, (v) => v.map((p) => `${p.PublishedPort}:${p.TargetPort}/${p.Protocol}/${p.PublishMode}`).join(', '), false);
    case 'secret':
    case 'config':
      return new Slice<FileReference>([], (s) => [parseFileReference(s, kind)], (v) => v.map((r) => `${r.Name} -> ${r.File.Name}`).join(', '), false);
    case 'pref':
      return new Slice<{ Spread: { SpreadDescriptor: string } }>(
        [],
        (value) => {
          const [strategy, arg, ok] = cut(value, '=');
          if (!ok || strategy === '') throw new GoError('placement preference must be of the format "<strategy>=<arg>"');
          if (strategy !== 'spread') throw new GoError(`unsupported placement preference ${strategy} (only spread is supported)`);
          return [{ Spread: { SpreadDescriptor: arg } }];
        },
        (v) => v.map((p) => `spread=${p.Spread.SpreadDescriptor}`).join(', '),
        false,
      );
    case 'credentialSpec':
      return new Scalar<{ Config?: string; File?: string; Registry?: string } | undefined>(
        undefined,
        (value) => {
          if (value.startsWith('config://')) return { Config: value.slice(9) };
          if (value.startsWith('file://')) return { File: value.slice(7) };
          if (value.startsWith('registry://')) return { Registry: value.slice(11) };
          if (value === '') return {};
          throw new GoError('invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"');
        },
        (v) => (v ? (v.Config ? 'config://' + v.Config : v.File ? 'file://' + v.File : v.Registry ? 'registry://' + v.Registry : '') : ''),
      );
    case 'command':
      return new Scalar<string[]>([], shlexSplit, (v) => (v.length ? v.join(' ') : ''));
    case 'externalCA':
      return new Slice<string>([], (s) => [s], (v) => v.join(', '), false);
    case 'pemFile':
      return new Scalar(def, (s) => s, (v) => v);
    case 'nodeAddr':
      return new Scalar(def, (s) => s, (v) => v);
  }
}

// opts.ParseCPUs: a rational number of CPUs, in nano CPUs
export function parseCPUs(value: string): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  let num: bigint;
  let den: bigint;
  if (frac) {
    num = BigInt(frac[1]);
    den = BigInt(frac[2]);
    if (den === 0n) throw new GoError(`failed to parse ${value} as a rational number`);
  } else if (m && (m[2] !== '' || (m[3] ?? '') !== '')) {
    const digits = (m[2] || '0') + (m[3] ?? '');
    num = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
    den = 10n ** BigInt((m[3] ?? '').length);
    const e = m[4] ? Number(m[4]) : 0;
    if (e > 0) num *= 10n ** BigInt(e);
    else if (e < 0) den *= 10n ** BigInt(-e);
  } else {
    throw new GoError(`failed to parse ${value} as a rational number`);
  }
  const nano = num * 1000000000n;
  if (nano % den !== 0n) throw new GoError('value is too precise');
  return Number(nano / den);
}

function parseUlimit(val: string): { Name: string; Soft: number; Hard: number } {
  const eq = val.indexOf('=');
  if (eq < 0) throw new GoError(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  const names = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];
  if (!names.includes(name)) throw new GoError(`invalid ulimit type: ${name}`);
  const limits = val.slice(eq + 1).split(':');
  let soft: bigint;
  let hard: bigint;
  if (limits.length === 2) {
    hard = parseIntBase10(limits[1]);
    soft = parseIntBase10(limits[0]);
  } else if (limits.length === 1) {
    soft = parseIntBase10(limits[0]);
    hard = soft;
  } else {
    throw new GoError(`too many limit value arguments - ${val.slice(eq + 1)}, can only have up to two, \`soft[:hard]\``);
  }
  if (hard !== -1n) {
    if (soft === -1n) throw new GoError(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard}`);
    if (soft > hard) throw new GoError(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
  }
  return { Name: name, Soft: Number(soft), Hard: Number(hard) };
}
