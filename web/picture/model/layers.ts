// Images drawn as stacks of layers, bottom up, with a layer that several images share drawn
// once, spanning their columns. Docker shares a layer between images when everything below it
// is the same too (the layer's ChainID), so sharing is a common prefix of the layer lists;
// sorting the images by their lists puts images that share next to each other.

import type { ImageInfo } from '../source';

export interface LayerBlock {
  /** 0 is the bottom (base) layer. */
  depth: number;
  /** First and last column (inclusive) of the images that share this layer. */
  from: number;
  to: number;
  diffId: string;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** Images in drawing order: sharing images side by side, then by name. */
export function orderImages(images: readonly ImageInfo[]): ImageInfo[] {
  return [...images].sort((a, b) => compareLists(a.layers, b.layers) || (a.tags[0] ?? '~').localeCompare(b.tags[0] ?? '~') || a.id.localeCompare(b.id));
}

/** The blocks to draw for images in the given column order. */
export function layerBlocks(columns: readonly ImageInfo[]): LayerBlock[] {
  const blocks: LayerBlock[] = [];
  const depth = Math.max(0, ...columns.map((c) => c.layers.length));
  for (let d = 0; d < depth; d++) {
    let start = -1;
    const close = (end: number) => {
      if (start >= 0) blocks.push({ depth: d, from: start, to: end, diffId: columns[start]!.layers[d]! });
      start = -1;
    };
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      if (c.layers.length <= d) {
        close(i - 1);
        continue;
      }
      if (start >= 0 && !samePrefix(columns[start]!.layers, c.layers, d)) close(i - 1);
      if (start < 0) start = i;
    }
    close(columns.length - 1);
  }
  return blocks;
}

function samePrefix(a: readonly string[], b: readonly string[], upTo: number): boolean {
  for (let i = 0; i <= upTo; i++) if (a[i] !== b[i]) return false;
  return true;
}
