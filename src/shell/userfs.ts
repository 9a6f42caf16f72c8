// The host's filesystem as the learner's shell sees it: what the shell creates belongs to the
// learner (uid 1000), and every change is reported (the page journals it next to the Engine
// API's requests, so a reload rebuilds the same files at the same moments). Reads pass through.

import { isRichFileSystem, type FileData, type FileSystem, type RichFileSystem } from '../vfs';

/** One change made through the wrapper, in a form that survives JSON. */
export interface FsOp {
  op: string;
  args: unknown[];
}

const MUTATIONS = ['writeFile', 'mkdir', 'rm', 'rmdir', 'rename', 'symlink', 'chmod', 'chown', 'utimes', 'writeData', 'lchown', 'lutimes'] as const;

interface Ownable {
  setOwner(uid: number, gid: number): void;
}

function ownable(fs: FileSystem): fs is FileSystem & Ownable {
  return typeof (fs as Partial<Ownable>).setOwner === 'function';
}

function encodeArg(a: unknown): unknown {
  if (a instanceof Uint8Array) return { $bytes: toBase64(a) };
  if (a && typeof a === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) out[k] = encodeArg(v);
    return out;
  }
  return a;
}

function decodeArg(a: unknown): unknown {
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    if (typeof o.$bytes === 'string') return fromBase64(o.$bytes);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decodeArg(v);
    return out;
  }
  return a;
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface UserFsOptions {
  uid: number;
  gid: number;
  /** Called after each change that succeeded. */
  onChange?: (op: FsOp) => void;
}

/** Wraps `fs` so that new entries belong to the user and changes are reported. */
export function userFs(fs: FileSystem, o: UserFsOptions): FileSystem {
  const wrapper = Object.create(null) as Record<string, unknown>;
  const target = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods = ['stat', 'lstat', 'exists', 'readFile', 'readdir', 'readlink', 'realpath', ...(isRichFileSystem(fs) ? ['readData'] : [])];
  for (const m of methods) wrapper[m] = (...args: unknown[]) => target[m]!.apply(fs, args);
  for (const m of MUTATIONS) {
    if (typeof target[m] !== 'function') continue;
    wrapper[m] = (...args: unknown[]) => {
      const r = asUser(fs, o, () => target[m]!.apply(fs, args));
      o.onChange?.({ op: m, args: args.map(encodeArg) });
      return r;
    };
  }
  return wrapper as unknown as FileSystem;
}

function asUser<T>(fs: FileSystem, o: { uid: number; gid: number }, f: () => T): T {
  if (!ownable(fs)) return f();
  fs.setOwner(o.uid, o.gid);
  try {
    return f();
  } finally {
    fs.setOwner(0, 0);
  }
}

/** Applies a recorded change again (replaying the journal); errors are ignored as they were. */
export function applyFsOp(fs: FileSystem, op: FsOp, owner: { uid: number; gid: number }): void {
  if (!(MUTATIONS as readonly string[]).includes(op.op)) return;
  const f = (fs as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[op.op];
  if (typeof f !== 'function') return;
  try {
    asUser(fs, owner, () => f.apply(fs, op.args.map(decodeArg)));
  } catch {
    // the change failed when it was made too (only successes are recorded), or the world differs
  }
}

export type { FileData, RichFileSystem };
