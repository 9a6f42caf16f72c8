// Shorthand for defining the layers of one image build.

import { Tree } from './fs';
import { layer, type Arch, type ArchSizes, type LayerDef } from './model';

export type LayerMaker = (
  step: string,
  sizes: ArchSizes,
  entries?: (t: Tree) => void,
  fill?: readonly string[],
) => LayerDef;

/**
 * Layers keyed `<prefix>/<step>/<arch>`, all created at `created` (their files' mtime).
 * `entries` fills a Tree stamped with that time; `fill` takes the remaining bytes.
 */
export function layerMaker(prefix: string, arch: Arch, created: string): LayerMaker {
  return (step, sizes, entries, fill) =>
    layer({
      key: `${prefix}/${step}/${arch}`,
      created,
      sizes: sizes[arch],
      ...(entries
        ? {
            entries: () => {
              const t = new Tree(created);
              entries(t);
              return t.done();
            },
          }
        : {}),
      ...(fill ? { fill } : {}),
    });
}

export { both } from './model';
