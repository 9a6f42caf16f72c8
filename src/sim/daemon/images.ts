// The image store of one daemon (graphdriver store, overlay2): images by ID (the config
// digest), the reference store (tags and digests pointing at image IDs), and the layer store
// (layers by ChainID with reference counts, so layers shared between images are kept once).

import type { Stamp } from '../core/time';

export interface ImageConfigFile {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  author?: string;
  config?: Record<string, unknown>;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: { created?: string; created_by?: string; empty_layer?: boolean; comment?: string; author?: string }[];
  [k: string]: unknown;
}

/** What the daemon knows of one layer: how to materialise it and what it weighs. */
export interface LayerRecord {
  chainId: string;
  diffId: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** The layer's content, in whatever form the filesystem layer (src/vfs) takes. */
  content: unknown;
  /** The compressed blob as a registry serves it (known for pulled layers). */
  blobDigest?: string;
  blobSize?: number;
  refs: number;
}

export interface Image {
  id: string;
  configBytes: string;
  config: ImageConfigFile;
  /** ChainIDs bottom to top. */
  chain: string[];
  /** Tags, fully qualified: docker.io/library/nginx:latest */
  tags: string[];
  /** Digests, fully qualified: docker.io/library/nginx@sha256:... */
  digests: string[];
  /** Parent image for images built or committed locally (the classic builder's chain). */
  parent: string;
  /** When the image was last tagged here (Metadata.LastTagTime). */
  lastTagTime: Stamp | null;
  /** Local builds and commits carry no distribution info. */
  size: number;
}

export class ImageStore {
  readonly images = new Map<string, Image>();
  readonly layers = new Map<string, LayerRecord>();
  /** Fully qualified reference (tag or digest) -> image ID. */
  readonly refs = new Map<string, string>();
  /** Called on every change (the daemon bumps its version: cached views and lookups expire). */
  onChange: () => void = () => {};

  get(id: string): Image | undefined {
    return this.images.get(id);
  }

  /** Adds the layer if new, returning its record with one more reference. */
  retainLayer(rec: Omit<LayerRecord, 'refs'>): LayerRecord {
    let l = this.layers.get(rec.chainId);
    if (!l) {
      l = { ...rec, refs: 0 };
      this.layers.set(rec.chainId, l);
    }
    l.refs++;
    return l;
  }

  releaseLayer(chainId: string): boolean {
    const l = this.layers.get(chainId);
    if (!l) return false;
    if (--l.refs <= 0) {
      this.layers.delete(chainId);
      return true;
    }
    return false;
  }

  /** A container's writable layer keeps its image's layers (moby: the RWLayer's parent chain). */
  holdChain(chain: readonly string[]): void {
    for (const c of chain) {
      const l = this.layers.get(c);
      if (l) l.refs++;
    }
  }

  releaseChain(chain: readonly string[]): void {
    for (const c of chain) this.releaseLayer(c);
  }

  hasLayer(chainId: string): boolean {
    return this.layers.has(chainId);
  }

  /** Sum of the image's layer sizes (what `docker images` shows). */
  imageSize(img: Image): number {
    let n = 0;
    for (const c of img.chain) n += this.layers.get(c)?.size ?? 0;
    return n;
  }

  addImage(img: Image): void {
    this.onChange();
    this.images.set(img.id, img);
  }

  /** Points a reference at an image, taking it from any image that held it before. */
  setRef(ref: string, id: string): string | undefined {
    this.onChange();
    const prev = this.refs.get(ref);
    if (prev === id) return undefined;
    if (prev) {
      const old = this.images.get(prev);
      if (old) {
        old.tags = old.tags.filter((t) => t !== ref);
        old.digests = old.digests.filter((t) => t !== ref);
      }
    }
    this.refs.set(ref, id);
    const img = this.images.get(id)!;
    if (ref.includes('@')) {
      if (!img.digests.includes(ref)) img.digests.push(ref);
    } else if (!img.tags.includes(ref)) img.tags.push(ref);
    return prev;
  }

  deleteRef(ref: string): boolean {
    this.onChange();
    const id = this.refs.get(ref);
    if (!id) return false;
    this.refs.delete(ref);
    const img = this.images.get(id);
    if (img) {
      img.tags = img.tags.filter((t) => t !== ref);
      img.digests = img.digests.filter((t) => t !== ref);
    }
    return true;
  }

  /** Removes an image record and releases its layers. Returns the ChainIDs actually deleted. */
  deleteImage(id: string): string[] {
    this.onChange();
    const img = this.images.get(id);
    if (!img) return [];
    for (const r of [...img.tags, ...img.digests]) this.refs.delete(r);
    this.images.delete(id);
    const gone: string[] = [];
    for (const c of img.chain) if (this.releaseLayer(c)) gone.push(c);
    return gone;
  }

  /** Images whose ID starts with the given hex prefix (no "sha256:"). */
  byIdPrefix(hex: string): Image[] {
    const out: Image[] = [];
    for (const img of this.images.values()) if (img.id.slice(7).startsWith(hex)) out.push(img);
    return out;
  }

  children(id: string): Image[] {
    return [...this.images.values()].filter((i) => i.parent === id);
  }
}
