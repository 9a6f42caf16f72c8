// Helpers to write a layer's entries: directories, text files, symlinks, executables (synthetic
// files carrying the `\x7fELF docksim-program:<name>` marker), shared libraries and size-only
// data files.

import { PROGRAM_MARKER_PREFIX } from '../programs';
import type { LayerEntry } from '../types';

/** Content of an executable whose behaviour the program model `<name>` provides. */
export function programMarker(name: string): string {
  return PROGRAM_MARKER_PREFIX + name;
}

/** Content of a shared library or other ELF file nothing executes directly. */
export const ELF_OBJECT = '\x7fELF';

interface Owner {
  uid?: number;
  gid?: number;
}

export class Tree {
  readonly entries: LayerEntry[] = [];
  private readonly mtime: number;

  /** `created`: ISO time used as every entry's mtime. */
  constructor(created: string) {
    this.mtime = Date.parse(created);
    if (Number.isNaN(this.mtime)) throw new RangeError(`bad time ${created}`);
  }

  private push(e: LayerEntry, owner?: Owner): this {
    e.mtime = this.mtime;
    if (owner?.uid !== undefined) e.uid = owner.uid;
    if (owner?.gid !== undefined) e.gid = owner.gid;
    this.entries.push(e);
    return this;
  }

  dir(path: string, mode = 0o755, owner?: Owner): this {
    return this.push({ path, type: 'dir', mode }, owner);
  }

  dirs(...paths: string[]): this {
    for (const p of paths) this.dir(p);
    return this;
  }

  file(path: string, content: string, mode = 0o644, owner?: Owner): this {
    return this.push({ path, type: 'file', mode, content }, owner);
  }

  /** A shell (or other interpreter) script. */
  script(path: string, content: string, mode = 0o755, owner?: Owner): this {
    return this.file(path, content, mode, owner);
  }

  /** An executable modelled by the program `program`; `size` is the real binary's size. */
  exe(path: string, program: string, size: number, mode = 0o755, owner?: Owner): this {
    return this.push({ path, type: 'file', mode, content: programMarker(program), size }, owner);
  }

  /** Several executables of one multi-call program (each its own file, e.g. coreutils). */
  exes(dir: string, program: string, sizes: Record<string, number>): this {
    for (const [name, size] of Object.entries(sizes)) this.exe(`${dir}/${name}`, program, size);
    return this;
  }

  /** A shared object (synthetic ELF). */
  lib(path: string, size: number, mode = 0o644): this {
    return this.push({ path, type: 'file', mode, content: ELF_OBJECT, size });
  }

  /** A file known only by its size. */
  data(path: string, size: number, mode = 0o644, owner?: Owner): this {
    return this.push({ path, type: 'file', mode, size }, owner);
  }

  link(path: string, target: string, owner?: Owner): this {
    return this.push({ path, type: 'symlink', mode: 0o777, target }, owner);
  }

  /** Symlinks `<dir>/<name> -> <target>` for each name (busybox applets and the like). */
  links(dir: string, target: string, names: readonly string[]): this {
    for (const n of names) this.link(`${dir}/${n}`, target);
    return this;
  }

  add(entries: readonly LayerEntry[]): this {
    for (const e of entries) this.push({ ...e });
    return this;
  }

  done(): LayerEntry[] {
    return this.entries;
  }
}

/** Splits words of a whitespace-separated list (for long applet lists in data files). */
export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Parses `name:size name:size ...` into a record (binary size tables). */
export function sizeTable(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of words(s)) {
    const i = w.lastIndexOf(':');
    out[w.slice(0, i)] = Number(w.slice(i + 1));
  }
  return out;
}
