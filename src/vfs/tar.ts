// Tar archives: the build context the docker CLI sends, `docker cp` and the archive endpoints,
// image layers. Reads ustar, GNU (long names 'L'/'K', base-256 numbers) and PAX ('x', 'g')
// archives; writes ustar headers with PAX extended headers where a value does not fit, the way
// Go's archive/tar does for docker (names and numbers that fit stay in the ustar header).

import { utf8Bytes } from './node';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface TarEntry {
  /** Path inside the archive as stored, e.g. 'etc/' or 'etc/passwd' (directories end with '/'). */
  name: string;
  type: TarEntryType;
  /** Permission bits (default 0o644; 0o755 for directories; 0o777 for symlinks). */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Milliseconds since the epoch; archives hold whole seconds (default 0). */
  mtime?: number;
  /** Content length; defaults to the content's length. */
  size?: number;
  content?: Uint8Array | string;
  /** Content produced lazily (exactly `size` bytes), for large files when writing. */
  source?: () => Iterable<Uint8Array>;
  /** Target of a symlink or hard link. */
  linkname?: string;
  uname?: string;
  gname?: string;
  devmajor?: number;
  devminor?: number;
}

/** An entry as read from an archive: every field filled, content as bytes for files. */
export interface ParsedTarEntry extends TarEntry {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
  content?: Uint8Array;
  linkname: string;
  uname: string;
  gname: string;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

const BLOCK = 512;
/** Zero bytes for padding and end blocks: never mutated. */
const ZERO_BLOCKS = new Uint8Array(BLOCK * 2);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---------------------------------------------------------------------------------------------
// Reading

function cstring(b: Uint8Array, off: number, len: number): string {
  let end = off;
  const max = off + len;
  while (end < max && b[end] !== 0) end++;
  return decoder.decode(b.subarray(off, end));
}

function parseNumeric(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    // GNU base-256: big-endian two's complement with the top bit of the first byte as a marker.
    let v = b[off]! & 0x7f;
    if (v & 0x40) return 0; // negative values are not used here
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i]!;
    return v;
  }
  const s = cstring(b, off, len).replace(/[ \0]+$/g, '').trim();
  if (s === '') return 0;
  const v = parseInt(s, 8);
  if (Number.isNaN(v)) throw new TarError(`tar: invalid number ${JSON.stringify(s)} in header`);
  return v;
}

function checksumOk(b: Uint8Array, off: number): boolean {
  const stored = parseNumeric(b, off + 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : b[off + i]!;
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return stored === unsigned || stored === signed;
}

function isZeroBlock(b: Uint8Array, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    let j = i;
    while (j < data.length && data[j] !== 0x20) j++;
    const len = parseInt(decoder.decode(data.subarray(i, j)), 10);
    if (!Number.isFinite(len) || len <= 0 || i + len > data.length) throw new TarError('tar: invalid PAX record');
    const rec = decoder.decode(data.subarray(j + 1, i + len - 1));
    const eq = rec.indexOf('=');
    if (eq < 0) throw new TarError('tar: invalid PAX record');
    out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

const TYPES: Record<string, TarEntryType | undefined> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
  D: 'dir', // GNU dump directory
};

/** Parses a whole archive. Content of files is copied out of `bytes`. */
export function parseTar(bytes: Uint8Array): ParsedTarEntry[] {
  const out: ParsedTarEntry[] = [];
  let off = 0;
  let pax = new Map<string, string>();
  const global = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + BLOCK <= bytes.length) {
    if (isZeroBlock(bytes, off)) break;
    if (!checksumOk(bytes, off)) throw new TarError('archive/tar: invalid tar header');
    const flag = String.fromCharCode(bytes[off + 156]!);
    const headerSize = parseNumeric(bytes, off + 124, 12);
    const isMeta = flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K';
    const paxSize = pax.get('size') ?? global.get('size');
    const size = !isMeta && paxSize !== undefined ? parseInt(paxSize, 10) : headerSize;
    const start = off + BLOCK;
    const end = start + size;
    if (end > bytes.length) throw new TarError('unexpected EOF');
    const data = bytes.subarray(start, end);
    const header = off;
    off = start + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (flag === 'g') {
      for (const [k, v] of parsePax(data)) global.set(k, v);
      continue;
    }
    if (flag === 'L') {
      longName = cstring(data, 0, data.length);
      continue;
    }
    if (flag === 'K') {
      longLink = cstring(data, 0, data.length);
      continue;
    }
    const attr = (k: string) => pax.get(k) ?? global.get(k);
    const magic = cstring(bytes, header + 257, 6);
    const version = cstring(bytes, header + 263, 2);
    const posix = magic === 'ustar' && version === '00';
    let name = cstring(bytes, header, 100);
    if (posix) {
      const prefix = cstring(bytes, header + 345, 155);
      if (prefix !== '') name = `${prefix}/${name}`;
    }
    name = attr('path') ?? longName ?? name;
    let type = TYPES[flag];
    if (type === undefined) {
      // Sparse files, volume labels and the like are not modelled: skip them.
      pax = new Map();
      longName = longLink = undefined;
      continue;
    }
    if (type === 'file' && flag !== '7' && name.endsWith('/')) type = 'dir';
    const mtimeAttr = attr('mtime');
    const uidAttr = attr('uid');
    const gidAttr = attr('gid');
    const e: ParsedTarEntry = {
      name,
      type,
      mode: parseNumeric(bytes, header + 100, 8) & 0o7777,
      uid: uidAttr !== undefined ? parseInt(uidAttr, 10) : parseNumeric(bytes, header + 108, 8),
      gid: gidAttr !== undefined ? parseInt(gidAttr, 10) : parseNumeric(bytes, header + 116, 8),
      mtime:
        mtimeAttr !== undefined
          ? Math.round(parseFloat(mtimeAttr) * 1000)
          : parseNumeric(bytes, header + 136, 12) * 1000,
      size: type === 'file' ? size : 0,
      linkname: attr('linkpath') ?? longLink ?? cstring(bytes, header + 157, 100),
      uname: attr('uname') ?? (magic.startsWith('ustar') ? cstring(bytes, header + 265, 32) : ''),
      gname: attr('gname') ?? (magic.startsWith('ustar') ? cstring(bytes, header + 297, 32) : ''),
    };
    if (type === 'file') e.content = data.slice();
    if (type === 'char' || type === 'block') {
      e.devmajor = parseNumeric(bytes, header + 329, 8);
      e.devminor = parseNumeric(bytes, header + 337, 8);
    }
    out.push(e);
    pax = new Map();
    longName = longLink = undefined;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing

const TYPEFLAG: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Non-ASCII characters dropped, as Go's writer does for the ustar copy of a PAX value. */
function toAscii(s: string): string {
  return isAscii(s) ? s : [...s].filter((c) => c.charCodeAt(0) < 0x80).join('');
}

function putString(b: Uint8Array, off: number, len: number, s: string): void {
  if (isAscii(s)) {
    const n = Math.min(len, s.length);
    for (let i = 0; i < n; i++) b[off + i] = s.charCodeAt(i);
    return;
  }
  b.set(encoder.encode(s).subarray(0, len), off);
}

function fitsOctal(len: number, v: number): boolean {
  return v >= 0 && v < 8 ** (len - 1);
}

function putOctal(b: Uint8Array, off: number, len: number, v: number): void {
  const s = (fitsOctal(len, v) ? v : 0).toString(8).padStart(len - 1, '0');
  putString(b, off, len - 1, s);
  b[off + len - 1] = 0;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = encoder.encode(body).length;
  let n = bodyLen + 1;
  while (String(n).length + bodyLen !== n) n = String(n).length + bodyLen;
  return `${n}${body}`;
}

function header(fields: {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  flag: string;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
}): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, 100, toAscii(fields.name));
  putOctal(b, 100, 8, fields.mode);
  putOctal(b, 108, 8, fields.uid);
  putOctal(b, 116, 8, fields.gid);
  putOctal(b, 124, 12, fields.size);
  putOctal(b, 136, 12, fields.mtime);
  b[156] = fields.flag.charCodeAt(0);
  putString(b, 157, 100, toAscii(fields.linkname));
  putString(b, 257, 6, 'ustar\0');
  putString(b, 263, 2, '00');
  putString(b, 265, 32, toAscii(fields.uname));
  putString(b, 297, 32, toAscii(fields.gname));
  putOctal(b, 329, 8, fields.devmajor);
  putOctal(b, 337, 8, fields.devminor);
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += b[i]!;
  putString(b, 148, 6, sum.toString(8).padStart(6, '0'));
  b[154] = 0;
  b[155] = 0x20;
  return b;
}

function paxHeaderName(name: string): string {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const file = name.slice(slash + 1);
  return [dir.replace(/\/+$/, ''), 'PaxHeaders.0', file].filter((p) => p !== '').join('/');
}

function byteLength(s: string): number {
  return isAscii(s) ? s.length : encoder.encode(s).length;
}

/**
 * The archive as a sequence of chunks (headers, content, padding, the two end blocks). Chunks
 * may be shared buffers: copy them, do not keep or modify them.
 */
export function* tarChunks(entries: Iterable<TarEntry>): Generator<Uint8Array> {
  for (const e of entries) {
    let name = e.name;
    if (e.type === 'dir' && !name.endsWith('/')) name += '/';
    const content = typeof e.content === 'string' ? utf8Bytes(e.content) : e.content;
    const size = e.type === 'file' ? (e.size ?? content?.length ?? 0) : 0;
    if (e.type === 'file' && content && content.length !== size) {
      throw new TarError(`tar: ${name}: content is ${content.length} bytes, size says ${size}`);
    }
    const mode = (e.mode ?? (e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : 0o644)) & 0o7777;
    const uid = e.uid ?? 0;
    const gid = e.gid ?? 0;
    const mtime = Math.max(0, Math.floor((e.mtime ?? 0) / 1000));
    const linkname = e.linkname ?? '';
    const uname = e.uname ?? '';
    const gname = e.gname ?? '';
    const records: [string, string][] = [];
    if (byteLength(name) > 100 || !isAscii(name)) records.push(['path', name]);
    if (byteLength(linkname) > 100 || !isAscii(linkname)) records.push(['linkpath', linkname]);
    if (!fitsOctal(8, uid)) records.push(['uid', String(uid)]);
    if (!fitsOctal(8, gid)) records.push(['gid', String(gid)]);
    if (!fitsOctal(12, size)) records.push(['size', String(size)]);
    if (!fitsOctal(12, mtime)) records.push(['mtime', String(mtime)]);
    if (byteLength(uname) > 32 || !isAscii(uname)) records.push(['uname', uname]);
    if (byteLength(gname) > 32 || !isAscii(gname)) records.push(['gname', gname]);
    if (records.length > 0) {
      records.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const data = encoder.encode(records.map(([k, v]) => paxRecord(k, v)).join(''));
      yield header({
        name: paxHeaderName(name),
        mode: 0,
        uid: 0,
        gid: 0,
        size: data.length,
        mtime: 0,
        flag: 'x',
        linkname: '',
        uname: '',
        gname: '',
        devmajor: 0,
        devminor: 0,
      });
      yield* padded(data);
    }
    yield header({
      name,
      mode,
      uid,
      gid,
      size,
      mtime,
      flag: TYPEFLAG[e.type],
      linkname,
      uname,
      gname,
      devmajor: e.devmajor ?? 0,
      devminor: e.devminor ?? 0,
    });
    if (size === 0) continue;
    if (content) {
      yield* padded(content);
    } else if (e.source) {
      let n = 0;
      for (const chunk of e.source()) {
        n += chunk.length;
        if (n > size) throw new TarError(`tar: ${name}: source gave more than ${size} bytes`);
        yield chunk;
      }
      if (n !== size) throw new TarError(`tar: ${name}: source gave ${n} bytes, size says ${size}`);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) yield ZERO_BLOCKS.subarray(0, pad);
    } else {
      throw new TarError(`tar: ${name}: no content for ${size} bytes`);
    }
  }
  yield ZERO_BLOCKS;
}

function* padded(data: Uint8Array): Generator<Uint8Array> {
  yield data;
  const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
  if (pad) yield ZERO_BLOCKS.subarray(0, pad);
}

/** The whole archive as bytes. */
export function writeTar(entries: Iterable<TarEntry>): Uint8Array {
  const chunks = [...tarChunks(entries)];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
