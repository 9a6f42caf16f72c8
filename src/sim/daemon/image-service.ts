// The image service of dockerd with the graphdriver store (moby daemon/images at v28.2.2):
// lookups by ID or reference, tag, delete with moby's untag/delete/conflict rules, prune, the
// list/inspect/history views, and pulls (distribution/pull.ts) that fill the store.

import { Layer } from '../../vfs';
import { sha256Digest } from '../registry/digest';
import { DaemonError, conflict, invalid, notFound } from '../core/errors';
import type { Filters } from '../core/filters';
import { rfc3339Nano, ZERO_TIME } from '../core/time';
import type { RegistryLookup } from '../distribution/registries';
import type { PullOperation } from '../distribution/feed';
import { startPull } from '../distribution/pull';
import { startPush, type PushAuth } from '../distribution/push';
import type { Container } from './container';
import { parseUntil } from './containers';
import type { Daemon } from './daemon';
import type { Image, ImageConfigFile } from './images';
import { parseNormalizedNamed, tagNameOnly, withTag } from '../../reference';
import { familiar, familiarName, full, normalize, type NamedReference } from './refs';

export interface DeleteRecord {
  Untagged?: string;
  Deleted?: string;
}

/** ChainID of layers given their DiffIDs (image-spec). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  let prev = '';
  for (const d of diffIds) {
    prev = prev === '' ? d : sha256Digest(`${prev} ${d}`);
    out.push(prev);
  }
  return out;
}

export class ImageService {
  constructor(
    readonly d: Daemon,
    readonly registries: RegistryLookup,
  ) {}

  get store() {
    return this.d.images;
  }

  private findCache = new Map<string, Image | undefined>();
  private findCacheVersion = -1;

  /** moby GetImage: full or short ID, then reference (a digest ref must match exactly). */
  find(ref: string): Image | undefined {
    // lookups are cached until the daemon changes (every image change is an event)
    if (this.findCacheVersion !== this.d.version) {
      this.findCache.clear();
      this.findCacheVersion = this.d.version;
    }
    if (this.findCache.has(ref)) return this.findCache.get(ref);
    const found = this.lookup(ref);
    this.findCache.set(ref, found);
    return found;
  }

  private lookup(ref: string): Image | undefined {
    const s = this.store;
    if (/^sha256:[0-9a-f]{64}$/.test(ref)) return s.get(ref);
    if (/^[0-9a-f]{64}$/.test(ref)) return s.get(`sha256:${ref}`);
    let named: NamedReference | null = null;
    try {
      named = normalize(ref);
    } catch {
      named = null;
    }
    if (named) {
      const id = s.refs.get(full(named));
      if (id) return s.get(id);
    }
    const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref;
    if (/^[0-9a-f]{1,64}$/.test(hex)) {
      const m = s.byIdPrefix(hex);
      if (m.length === 1) return m[0];
    }
    return undefined;
  }

  /** Like find, with moby's "No such image" error (the reference shown familiar, tag added). */
  get(ref: string): Image {
    const img = this.find(ref);
    if (img) return img;
    throw this.noSuchImage(ref);
  }

  noSuchImage(ref: string): DaemonError {
    let shown = ref;
    try {
      if (!/^(sha256:)?[0-9a-f]{1,64}$/.test(ref)) shown = familiar(full(normalize(ref)));
    } catch {
      // keep as typed
    }
    return notFound(`No such image: ${shown}`);
  }

  resolveForCreate(image: string, _platform: string): Image {
    if (image === '') throw invalid('invalid reference format');
    if (!/^(sha256:)?[0-9a-f]{1,64}$/.test(image)) normalize(image); // invalid reference format
    return this.get(image);
  }

  /** The `Image` column of docker ps: the reference the container was created with while it still points to the image, else the image ID. */
  displayRef(c: Container): string {
    const ref = c.config.Image;
    if (ref === c.imageId) return ref;
    const img = this.find(ref);
    return img && img.id === c.imageId ? ref : c.imageId;
  }

  /** Whether the container's image is `ref` or descends from it (the ancestor filter). */
  isAncestor(imageId: string, ref: string): boolean {
    const target = this.find(ref);
    if (!target) return false;
    let cur: string | undefined = imageId;
    const seen = new Set<string>();
    while (cur && !seen.has(cur)) {
      if (cur === target.id) return true;
      seen.add(cur);
      cur = this.store.get(cur)?.parent || undefined;
    }
    return false;
  }

  // ---- adding images -----------------------------------------------------------------------

  /** Registers an image from its config and layers (pull, build, commit, load). */
  register(configBytes: string, layers: { diffId: string; size: number; content: Layer; blobDigest?: string; blobSize?: number }[], parent = ''): Image {
    const id = sha256Digest(configBytes);
    const existing = this.store.get(id);
    if (existing) return existing;
    const config = JSON.parse(configBytes) as ImageConfigFile;
    const chains = chainIds(layers.map((l) => l.diffId));
    layers.forEach((l, i) => this.store.retainLayer({ chainId: chains[i]!, diffId: l.diffId, size: l.size, content: l.content, blobDigest: l.blobDigest, blobSize: l.blobSize }));
    const img: Image = { id, configBytes, config, chain: chains, tags: [], digests: [], parent, lastTagTime: null, size: 0 };
    img.size = this.store.imageSize(img);
    this.store.addImage(img);
    return img;
  }

  /**
   * Points a (normalised) reference at an image. `tagged`: the reference comes from moby's
   * TagImage (docker tag, build, import), which sets Metadata.LastTagTime; a pull adds its
   * references to the store directly and leaves it unset.
   */
  setRef(img: Image, ref: NamedReference, tagged = false): void {
    const key = full(ref);
    this.store.setRef(key, img.id);
    sortRefs(img);
    if (tagged && !key.includes('@')) img.lastTagTime = this.d.stamp();
  }

  search(term: string, limit: number, filters: Filters): Record<string, unknown>[] {
    filters.validate(['is-automated', 'is-official', 'stars']);
    if (term === '') throw invalid('term is required');
    const hub = this.registries('docker.io');
    if ('error' in hub) return [];
    const stars = Number(filters.get('stars')[0] ?? '0');
    const official = filters.has('is-official') ? filters.getBool('is-official', false) : null;
    return hub
      .search(term, { limit: 100 })
      .filter((r) => r.star_count >= stars && (official === null || r.is_official === official))
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }

  /** docker push: `name` without a tag pushes every tag of the repository. */
  push(name: string, tag: string, auth: PushAuth): PullOperation {
    const ref = normalize(tag ? `${name}:${tag}` : name);
    return startPush(this, { kind: 'named', domain: ref.domain, path: ref.path }, tag || null, auth);
  }

  pull(refInput: string, platform: string): PullOperation {
    const ref = normalize(refInput);
    return startPull(this, ref, platform);
  }

  // ---- tag, delete, prune ------------------------------------------------------------------

  tag(source: string, repo: string, tag: string): void {
    // moby's postImagesTag: the new reference first (httputils.RepoTagReference), then the image
    if (repo === '') throw invalid('repository name must have at least one component');
    let target: NamedReference;
    try {
      const parsed = parseNormalizedNamed(repo);
      if (parsed.digest) throw invalid('cannot import digest reference');
      target = tag ? withTag(parsed, tag) : tagNameOnly(parsed);
    } catch (e) {
      throw e instanceof DaemonError ? e : invalid(e instanceof Error ? e.message : String(e));
    }
    const img = this.get(source);
    if (target.path.startsWith('library/') && target.domain === 'docker.io' && familiarName(full(target)) === 'scratch')
      throw invalid("'scratch' is a reserved name");
    this.setRef(img, target, true);
    this.d.event('image', 'tag', img.id, { ...labelsOf(img), name: familiar(full(target)) });
  }

  remove(refInput: string, opts: { force: boolean; noPrune: boolean }): DeleteRecord[] {
    const img = this.get(refInput);
    const records: DeleteRecord[] = [];
    const id = img.id;
    const refs = () => [...img.tags, ...img.digests];
    const containers = [...this.d.containers.values()];
    const isId = isImageIdPrefix(id, refInput);
    let quiet = false;
    if (!isId) {
      if (!opts.force && isSingleReference(refs())) {
        const c = containers.find((x) => x.imageId === id);
        if (c)
          throw conflict(
            `conflict: unable to remove repository reference "${refInput}" (must force) - container ${c.shortId()} is using its referenced image ${id.slice(7, 19)}`,
          );
      }
      const parsed = normalize(refInput);
      const key = full(parsed);
      if (!this.store.deleteRef(key)) throw this.noSuchImage(refInput);
      records.push({ Untagged: familiar(key) });
      this.d.event('image', 'untag', id, { ...labelsOf(img), name: id });
      if (!parsed.digest) {
        const repo = repoKey(key);
        const sameRepoTag = img.tags.some((t) => repoKey(t) === repo);
        if (!sameRepoTag) {
          for (const dg of [...img.digests]) {
            if (repoKey(dg) !== repo) continue;
            this.store.deleteRef(dg);
            records.push({ Untagged: familiar(dg) });
          }
        }
      }
      if (refs().length > 0) return records;
      quiet = true;
    } else if (isSingleReference(refs())) {
      const c = this.conflictFor(img, opts.force ? 'hard' : 'softNoRef');
      if (c) throw c;
      for (const r of refs()) {
        this.store.deleteRef(r);
        this.d.event('image', 'untag', id, { ...labelsOf(img), name: id });
        records.push({ Untagged: familiar(r) });
      }
    }
    this.deleteHelper(img, records, opts.force, !opts.noPrune, quiet);
    return records;
  }

  private conflictFor(img: Image, mask: 'hard' | 'all' | 'softNoRef'): DaemonError | null {
    const short = img.id.slice(7, 19);
    const msg = (hard: boolean, m: string) => conflict(`conflict: unable to delete ${short} (${hard ? 'cannot be forced' : 'must be forced'}) - ${m}`);
    if (this.store.children(img.id).length > 0) return Object.assign(msg(true, 'image has dependent child images'), { used: false, hard: true });
    const running = [...this.d.containers.values()].find((c) => c.imageId === img.id && c.running);
    if (running) return Object.assign(msg(true, `image is being used by running container ${running.shortId()}`), { used: true });
    if (mask === 'hard') return null;
    if (mask === 'all' && img.tags.length + img.digests.length > 0) return msg(false, 'image is referenced in multiple repositories');
    const stopped = [...this.d.containers.values()].find((c) => c.imageId === img.id && !c.running);
    if (stopped) return Object.assign(msg(false, `image is being used by stopped container ${stopped.shortId()}`), { used: true });
    return null;
  }

  private deleteHelper(img: Image, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean): void {
    const c = this.conflictFor(img, force ? 'hard' : 'all');
    if (c) {
      const dangling = img.tags.length + img.digests.length === 0 && this.store.children(img.id).length === 0;
      if (quiet && (!dangling || (c as DaemonError & { used?: boolean }).used)) return;
      throw c;
    }
    const parent = img.parent;
    for (const r of [...img.tags, ...img.digests]) {
      this.store.deleteRef(r);
      this.d.event('image', 'untag', img.id, { ...labelsOf(img), name: img.id });
      records.push({ Untagged: familiar(r) });
    }
    const gone = this.store.deleteImage(img.id);
    this.d.event('image', 'delete', img.id, { name: img.id });
    records.push({ Deleted: img.id });
    for (const l of gone) records.push({ Deleted: l });
    if (!prune || !parent) return;
    const p = this.store.get(parent);
    if (p) this.deleteHelper(p, records, false, true, true);
  }

  prune(filters: Filters): { ImagesDeleted: DeleteRecord[] | null; SpaceReclaimed: number } {
    filters.validate(['dangling', 'label', 'label!', 'until']);
    const danglingOnly = filters.getBool('dangling', true);
    const until = filters.get('until');
    const cutoff = until.length > 0 ? parseUntil(until[0]!, this.d.now()) : null;
    const used = new Set([...this.d.containers.values()].map((c) => c.imageId));
    const deleted: DeleteRecord[] = [];
    let space = 0;
    const layersBefore = new Set(this.store.layers.keys());
    const sizes = new Map([...this.store.layers].map(([k, v]) => [k, v.size]));
    for (const img of [...this.store.images.values()]) {
      if (!this.store.get(img.id)) continue;
      if (used.has(img.id)) continue;
      const tagged = img.tags.length > 0;
      if (danglingOnly && tagged) continue;
      if (danglingOnly && this.store.children(img.id).length > 0) continue;
      const labels = (img.config.config?.Labels as Record<string, string> | undefined) ?? {};
      if (!filters.matchKVList('label', labels)) continue;
      if (cutoff !== null && Date.parse(img.config.created ?? '') >= cutoff) continue;
      try {
        deleted.push(...this.remove(img.id, { force: false, noPrune: false }));
      } catch {
        // images with dependent children or in use are skipped
      }
    }
    for (const k of layersBefore) if (!this.store.layers.has(k)) space += sizes.get(k) ?? 0;
    this.d.event('image', 'prune', '', { reclaimed: String(space) });
    return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
  }

  // ---- views -------------------------------------------------------------------------------

  list(opts: { all: boolean; filters: Filters; sharedSize: boolean; containers?: boolean }): Record<string, unknown>[] {
    const f = opts.filters;
    f.validate(['dangling', 'label', 'before', 'since', 'reference', 'until']);
    const dangling = f.has('dangling') ? f.getBool('dangling', false) : null;
    const beforeRef = f.get('before')[0];
    const sinceRef = f.get('since')[0];
    const before = beforeRef !== undefined ? createdMs(this.get(beforeRef)) : null;
    const since = sinceRef !== undefined ? createdMs(this.get(sinceRef)) : null;
    const used = new Map<string, number>();
    for (const c of this.d.containers.values()) used.set(c.imageId, (used.get(c.imageId) ?? 0) + 1);
    const out: { created: number; v: Record<string, unknown> }[] = [];
    for (const img of this.store.images.values()) {
      const created = createdMs(img);
      if (before !== null && !(created < before)) continue;
      if (since !== null && !(created > since)) continue;
      const labels = (img.config.config?.Labels as Record<string, string> | undefined) ?? null;
      if (f.has('label') && !f.matchKVList('label', labels ?? {})) continue;
      let tags = [...img.tags];
      let digests = [...img.digests];
      if (f.has('reference')) {
        const pats = f.get('reference');
        const ok = (r: string) => pats.some((p) => referenceMatch(p, r));
        tags = tags.filter(ok);
        digests = digests.filter(ok);
      }
      const hasRefs = tags.length + digests.length > 0;
      if (!hasRefs) {
        if (img.tags.length + img.digests.length > 0 && f.has('reference')) continue;
        if (!opts.all && this.store.children(img.id).length > 0) continue;
        if (dangling === false) continue;
        if (f.has('reference')) continue;
      } else if (dangling === true && tags.length > 0) continue;
      const summary: Record<string, unknown> = {
        Containers: opts.containers ? (used.get(img.id) ?? 0) : -1,
        Created: Math.floor(created / 1000),
        Id: img.id,
        Labels: labels,
        ParentId: img.parent,
        RepoDigests: digests.map(familiar),
        RepoTags: tags.map(familiar),
        SharedSize: opts.sharedSize ? this.sharedSize(img) : -1,
        Size: img.size,
      };
      out.push({ created, v: summary });
    }
    out.sort((a, b) => b.created - a.created);
    return out.map((o) => o.v);
  }

  private sharedSize(img: Image): number {
    let n = 0;
    for (const c of img.chain) {
      const users = [...this.store.images.values()].filter((i) => i.chain.includes(c)).length;
      if (users > 1) n += this.store.layers.get(c)?.size ?? 0;
    }
    return n;
  }

  inspect(img: Image): Record<string, unknown> {
    const c = img.config;
    const history = c.history ?? [];
    const comment = (c.comment as string | undefined) || history[history.length - 1]?.comment || '';
    const cfg = ociConfig((c.config ?? {}) as Record<string, unknown>);
    const out: Record<string, unknown> = {
      Id: img.id,
      RepoTags: img.tags.map(familiar),
      RepoDigests: img.digests.map(familiar),
      Parent: img.parent,
      Comment: comment,
    };
    if (c.created) out.Created = c.created;
    out.DockerVersion = (c.docker_version as string | undefined) ?? '';
    out.Author = c.author ?? '';
    out.Config = cfg;
    out.Architecture = c.architecture;
    if (c.variant) out.Variant = c.variant;
    out.Os = c.os;
    out.Size = img.size;
    const top = img.chain[img.chain.length - 1] ?? '';
    const dir = (id: string) => `${layerCacheDir(id)}/diff`;
    const lower = img.chain.slice(0, -1).reverse().map(dir).join(':');
    out.GraphDriver = {
      Data: {
        ...(lower ? { LowerDir: lower } : {}),
        MergedDir: `${layerCacheDir(top)}/merged`,
        UpperDir: dir(top),
        WorkDir: `${layerCacheDir(top)}/work`,
      },
      Name: 'overlay2',
    };
    out.RootFS = { Type: 'layers', Layers: c.rootfs.diff_ids };
    out.Metadata = { LastTagTime: img.lastTagTime ? rfc3339Nano(img.lastTagTime) : ZERO_TIME };
    return out;
  }

  history(img: Image): Record<string, unknown>[] {
    const h = img.config.history ?? [];
    const out: Record<string, unknown>[] = [];
    let layer = img.chain.length - 1;
    // newest first; each non-empty entry takes the next layer from the top
    for (let i = h.length - 1; i >= 0; i--) {
      const e = h[i]!;
      let size = 0;
      if (!e.empty_layer && layer >= 0) {
        size = this.store.layers.get(img.chain[layer]!)?.size ?? 0;
        layer--;
      }
      const isTop = i === h.length - 1;
      out.push({
        Comment: e.comment ?? '',
        Created: e.created ? Math.floor(Date.parse(e.created) / 1000) : 0,
        CreatedBy: e.created_by ?? '',
        Id: isTop ? img.id : '<missing>',
        Size: size,
        Tags: isTop ? img.tags.map(familiar) : null,
      });
    }
    return out;
  }
}

function labelsOf(img: Image): Record<string, string> {
  return { ...((img.config.config?.Labels as Record<string, string> | undefined) ?? {}) };
}

function createdMs(img: Image): number {
  const t = Date.parse(img.config.created ?? '');
  return Number.isNaN(t) ? 0 : t;
}

function repoKey(ref: string): string {
  const at = ref.indexOf('@');
  if (at >= 0) return ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? ref.slice(0, colon) : ref;
}

function isImageIdPrefix(id: string, prefix: string): boolean {
  return id.startsWith(prefix) || id.slice(7).startsWith(prefix);
}

function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: string | null = null;
  const canonical = new Set<string>();
  for (const r of refs) {
    if (r.includes('@')) canonical.add(repoKey(r));
    else if (single === null) single = r;
    else return false;
  }
  if (single === null) single = refs[0]!;
  return canonical.size === 1 && canonical.has(repoKey(single));
}

function sortRefs(img: Image): void {
  img.tags.sort();
  img.digests.sort();
}

/** moby's reference filter: path.Match on the familiar name (and name:tag). */
function referenceMatch(pattern: string, ref: string): boolean {
  const fam = familiar(ref);
  const name = familiarName(ref);
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|\\]/g, '\\$&')))
      .join('')}$`,
  );
  return re.test(fam) || re.test(name);
}

/** The image config as API 1.50 shows it (OCI ImageConfig fields, omitempty). */
function ociConfig(c: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nonEmpty = (v: unknown) =>
    v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
  for (const k of ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'])
    if (nonEmpty(c[k])) out[k] = c[k];
  return out;
}

/**
 * The overlay2 directory of an image layer (by chain ID). moby names it with a random cache
 * ID; here it is derived from the chain ID, so image and container inspect agree on it.
 */
export function layerCacheDir(chainId: string): string {
  return `/var/lib/docker/overlay2/${sha256Digest(chainId).slice(7)}`;
}
