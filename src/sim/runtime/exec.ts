// What runc and the kernel do with a command line: find the executable (PATH lookup), read it,
// and decide what runs. Simulated executables are files whose content names a program model
// ("\x7fELF docksim-program:<name>"); scripts start with "#!" and run their interpreter.

import type { Command } from '../../sh/types';
import type { FileSystem } from '../../vfs/types';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const PROGRAM_MAGIC = '\x7fELF docksim-program:';

export type Resolved =
  | { ok: true; program: Command; argv: string[]; path: string }
  | { ok: false; message: string; code: 126 | 127 };

export interface ProgramTable {
  get(name: string): Command | undefined;
}

function norm(cwd: string, p: string): string {
  const parts: string[] = [];
  for (const s of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return `/${parts.join('/')}`;
}

/**
 * The daemon's text for a failed start or exec, as moby's setExitCodeFromError words it: it
 * appends ": permission denied" when the command is a directory (Go's EISDIR), and a hint about
 * mounts to a "not a directory" error.
 */
export function runtimeErrorText(text: string): string {
  if (text.includes(': permission denied')) return text;
  if (text.includes(': is a directory')) return `${text}: permission denied`;
  if (text.includes(': not a directory'))
    return `${text}: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`;
  return text;
}

/** Finds argv[0] as runc's init does (exec.LookPath, Go 1.20+), with its error texts. */
export function lookPath(fs: FileSystem, name: string, path: string, cwd: string): { path: string } | { message: string; code: 126 | 127 } {
  if (name.includes('/')) {
    const p = norm(cwd, name);
    if (!fs.exists(p)) return { message: `exec: "${name}": stat ${name}: no such file or directory`, code: 127 };
    const st = fs.stat(p);
    if (st.type === 'dir') return { message: `exec: "${name}": is a directory`, code: 126 };
    if ((st.mode & 0o111) === 0) return { message: `exec: "${name}": permission denied`, code: 126 };
    return { path: p };
  }
  if (name === '') return { message: `exec: "": executable file not found in $PATH`, code: 127 };
  for (const dir of path.split(':')) {
    const p = norm(cwd, `${dir || '.'}/${name}`);
    if (!fs.exists(p)) continue;
    const st = fs.stat(p);
    if (st.type === 'file' && (st.mode & 0o111) !== 0) return { path: p };
  }
  return { message: `exec: "${name}": executable file not found in $PATH`, code: 127 };
}

/** Resolves a command line to the program model that runs it. */
export function resolveExec(fs: FileSystem, argv: string[], env: Map<string, string>, cwd: string, programs: ProgramTable): Resolved {
  const found = lookPath(fs, argv[0] ?? '', env.get('PATH') ?? DEFAULT_PATH, cwd);
  if ('message' in found) return { ok: false, ...found };
  return resolveFile(fs, found.path, argv, env, cwd, programs, 0);
}

function resolveFile(fs: FileSystem, path: string, argv: string[], env: Map<string, string>, cwd: string, programs: ProgramTable, depth: number): Resolved {
  let head: string;
  try {
    head = fs.readFile(path).slice(0, 256);
  } catch {
    return { ok: false, message: `exec: "${argv[0]}": permission denied`, code: 126 };
  }
  if (head.startsWith(PROGRAM_MAGIC)) {
    const name = head.slice(PROGRAM_MAGIC.length).split(/\s/)[0]!;
    const program = programs.get(name);
    if (program) return { ok: true, program, argv, path };
    return { ok: false, message: `exec ${path}: exec format error`, code: 126 };
  }
  if (head.startsWith('#!') && depth < 4) {
    const line = head.slice(2).split('\n')[0]!.trim();
    const [interp, ...rest] = line.split(/\s+/);
    if (!interp) return { ok: false, message: `exec ${path}: exec format error`, code: 126 };
    const ip = lookPath(fs, interp, '', cwd);
    if ('message' in ip) return { ok: false, message: `exec ${path}: no such file or directory`, code: 127 };
    const arg = rest.length > 0 ? [rest.join(' ')] : [];
    return resolveFile(fs, ip.path, [interp, ...arg, path, ...argv.slice(1)], env, cwd, programs, depth + 1);
  }
  return { ok: false, message: `exec ${path}: exec format error`, code: 126 };
}
