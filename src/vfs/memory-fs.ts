// A plain in-memory filesystem (the host's files, volumes, tmpfs mounts, build contexts).

import { Layer, type LayerEntry } from './layer';
import { DEFAULT_DIR_META, type DirNode, type Node, newDir } from './node';
import { TreeFs, type TreeFsOptions } from './tree-fs';

export interface MemoryFsOptions extends TreeFsOptions {
  /** Initial content, copied (file content is shared, never mutated in place). */
  root?: Layer | readonly LayerEntry[];
}

/** Copies a layer's tree as plain content: whiteouts dropped, implicit directories made real. */
function plainCopy(d: DirNode): DirNode {
  const out = newDir(d.implicit ? DEFAULT_DIR_META : d);
  for (const [name, c] of d.children) {
    const n = plainNode(c);
    if (n) out.children.set(name, n);
  }
  return out;
}

function plainNode(n: Node): Node | undefined {
  if (n.type === 'whiteout') return undefined;
  if (n.type === 'dir') return plainCopy(n);
  return { ...n };
}

export class MemoryFs extends TreeFs {
  constructor(opts: MemoryFsOptions) {
    let root: DirNode;
    if (!opts.root) root = newDir(DEFAULT_DIR_META);
    else root = plainCopy((opts.root instanceof Layer ? opts.root : Layer.fromEntries(opts.root)).root);
    super(opts, root, null);
  }

  /** The current content as an immutable Layer (a copy). */
  toLayer(): Layer {
    return Layer.fromTree(plainCopy(this.upper));
  }
}
