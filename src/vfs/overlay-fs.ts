// A container's root filesystem as overlay2 presents it: read-only image layers under a
// writable upper layer. Creating one is O(1) in the size of the image: the layers are shared,
// and their merged view is built lazily and cached per stack of layers.

import { Layer, type LowerNode, lowerRoot } from './layer';
import { DEFAULT_DIR_META, type DirNode, cloneTree, newDir } from './node';
import { compareNames } from './path';
import {
  type Handle,
  TreeFs,
  type TreeFsOptions,
  childHandle,
  handleList,
  handleStat,
  sameFsTime,
  visibleType,
} from './tree-fs';
import type { Stat } from './types';

/** One entry of `GET /containers/{id}/changes`: Kind 0 = Modified, 1 = Added, 2 = Deleted. */
export interface Change {
  Path: string;
  Kind: 0 | 1 | 2;
}

export const ChangeKind = { Modified: 0, Added: 1, Deleted: 2 } as const;

export interface OverlayFsOptions extends TreeFsOptions {
  /** Read-only layers, bottom (base) layer first, as in an image's rootfs.diff_ids. */
  lower: readonly Layer[];
}

/** Whether `docker diff` sees a change between two versions of an entry (moby's rules). */
function statDifferent(a: Stat, b: Stat): boolean {
  return (
    a.type !== b.type ||
    a.mode !== b.mode ||
    a.uid !== b.uid ||
    a.gid !== b.gid ||
    // A directory's size and mtime say nothing about a change.
    (a.type !== 'dir' && (!sameFsTime(a.mtime, b.mtime) || a.size !== b.size))
  );
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export class OverlayFs extends TreeFs {
  /** The read-only layers, base first. */
  readonly layers: readonly Layer[];

  constructor(opts: OverlayFsOptions) {
    const lower = lowerRoot(opts.lower);
    const root = newDir(lower ? lower.meta : DEFAULT_DIR_META);
    super(opts, root, lower);
    this.layers = [...opts.lower];
  }

  /**
   * What the writable layer changed, as `docker diff` reports it: each changed path compared
   * with the image (added, deleted, or modified in type, mode, owner, size or mtime; for a
   * directory only type, mode and owner count), a deleted directory reported alone, everything
   * below an added directory reported as added, and each directory with changes below it
   * reported as modified. Sorted by path.
   */
  diff(): Change[] {
    const out: Change[] = [];
    this.changesBelow('/', this.rootHandle(), this.lower ?? undefined, true, out);
    return out.sort((a, b) => compareNames(a.Path, b.Path));
  }

  private changesBelow(path: string, h: Handle, old: LowerNode | undefined, reported: boolean, out: Change[]): void {
    const u = h.u as DirNode | undefined;
    if (!u) return; // nothing in the upper layer at or below this path
    const start = out.length;
    const oldDir = old?.type === 'dir' ? old : undefined;
    const names = new Set(u.children.keys());
    if (u.opaque && oldDir) for (const n of oldDir.list()) names.add(n);
    for (const name of [...names].sort(compareNames)) {
      const ch = childHandle(h, name);
      const t = visibleType(ch);
      const oc = oldDir?.child(name);
      const p = join(path, name);
      if (t === undefined) {
        if (oc) out.push({ Path: p, Kind: 2 });
        continue;
      }
      let self = false;
      if (!oc) {
        out.push({ Path: p, Kind: 1 });
        self = true;
      } else if (statDifferent(oc.stat(), handleStat(ch))) {
        out.push({ Path: p, Kind: 0 });
        self = true;
      }
      if (t !== 'dir') continue;
      if (!oc) this.allAdded(p, ch, out);
      else this.changesBelow(p, ch, oc, self, out);
    }
    if (out.length > start && !reported) out.push({ Path: path, Kind: 0 });
  }

  private allAdded(path: string, h: Handle, out: Change[]): void {
    for (const name of handleList(h)) {
      const ch = childHandle(h, name);
      const p = join(path, name);
      out.push({ Path: p, Kind: 1 });
      if (visibleType(ch) === 'dir') this.allAdded(p, ch, out);
    }
  }

  /** Bytes of the files and symlinks the container added or modified (`docker ps -s` SizeRw). */
  sizeRw(): number {
    let size = 0;
    for (const c of this.diff()) {
      if (c.Kind === 2) continue;
      const st = this.lstat(c.Path);
      if (st.type !== 'dir') size += st.size;
    }
    return size;
  }

  /** The writable layer as a new immutable Layer (docker commit, a build step). */
  commitLayer(): Layer {
    return Layer.fromTree(cloneTree(this.upper));
  }
}
