// One registry's content, served with OCI distribution semantics: manifests by tag or digest,
// blobs, tag lists, search, and pushes (blob uploads, cross-repository mounts, manifest PUTs).
// Docker Hub is this class over the official-image catalog with Hub's auth rules; a
// `registry` container at localhost:5000 is this class with an empty catalog.

import { compressedDigest, fromUtf8, isDigest, sha256Digest } from './digest';
import type { RepositoryDef, TagGroup } from './catalog/model';
import { materializeGroup, type MaterializedGroup } from './objects';
import {
  INDEX_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  MediaTypes,
  type Blob,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type LayerEntry,
  type SearchResult,
  type ServedManifest,
} from './types';

export type RegistryErrorCode =
  | 'BLOB_UNKNOWN'
  | 'BLOB_UPLOAD_INVALID'
  | 'DIGEST_INVALID'
  | 'MANIFEST_BLOB_UNKNOWN'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_UNKNOWN'
  | 'NAME_INVALID'
  | 'NAME_UNKNOWN'
  | 'TAG_INVALID'
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'UNSUPPORTED';

/** A registry error response: HTTP status, `errors[0]` of the body, and the Bearer challenge error. */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: RegistryErrorCode,
    message: string,
    readonly detail?: unknown,
    /** `error=` of the WWW-Authenticate challenge (401 responses). */
    readonly authError?: 'insufficient_scope' | 'invalid_token',
    /** The WWW-Authenticate header of a 401 response. */
    readonly wwwAuthenticate?: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  /** The response body as the registry writes it. */
  get body(): { errors: { code: string; message: string; detail?: unknown }[] } {
    const e: { code: string; message: string; detail?: unknown } = { code: this.code, message: this.message };
    if (this.detail !== undefined) e.detail = this.detail;
    return { errors: [e] };
  }

  /**
   * The error as the distribution client in dockerd reads it: a challenge with
   * error="insufficient_scope" becomes `denied: requested access to the resource is denied`;
   * otherwise `<code in lower case, words>: <message>` (e.g. `manifest unknown: manifest unknown`).
   */
  get text(): string {
    if (this.authError === 'insufficient_scope') return 'denied: requested access to the resource is denied';
    if (this.authError === 'invalid_token') return `unauthorized: ${this.message}`;
    return `${this.code.toLowerCase().replace(/_/g, ' ')}: ${this.message}`;
  }

  /** The code dockerd acts on (DENIED for an insufficient_scope challenge). */
  get clientCode(): RegistryErrorCode {
    if (this.authError === 'insufficient_scope') return 'DENIED';
    if (this.authError === 'invalid_token') return 'UNAUTHORIZED';
    return this.code;
  }
}

export type RegistryAction = 'pull' | 'push';

export interface AccessRequest {
  action: RegistryAction;
  repository: string;
  /** The logged-in user, undefined for anonymous requests. */
  user?: string;
}

export interface RegistryOptions {
  /** Host as references name it: `docker.io`, `localhost:5000`. */
  host?: string;
  /** Repositories served from the catalog (none for a fresh `registry` container). */
  catalog?: readonly RepositoryDef[];
  /**
   * How a repository that does not exist is answered: Docker Hub challenges with
   * insufficient_scope (401); the distribution registry says NAME_UNKNOWN (404).
   */
  unknownRepository?: 'insufficient-scope' | 'name-unknown';
  /** Access decision; default: everything allowed. */
  authorize?: (req: AccessRequest) => boolean;
  /** Name of the token service in challenges (Docker Hub: registry.docker.io). */
  service?: string;
}

/** Per-request context. */
export interface RequestOptions {
  user?: string;
}

/** A layer blob to upload: its description (the simulation has no tar stream). */
export interface LayerUpload {
  kind: 'layer';
  digest: string;
  diffId: string;
  /** Compressed size. */
  size: number;
  unpackedSize: number;
  entries: readonly LayerEntry[];
}

/** A blob whose bytes are uploaded (configs and other JSON). `digest`, when given, is verified. */
export interface BytesUpload {
  kind: 'bytes';
  bytes: Uint8Array;
  digest?: string;
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** True for a valid repository path (`library/nginx`, `user/app`). */
export function isValidRepositoryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  return name.split('/').every((c) => NAME_COMPONENT.test(c));
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

interface PushedRepo {
  tags: Map<string, string>;
  manifests: Map<string, ServedManifest>;
  blobs: Map<string, Blob>;
}

interface CatalogRepo {
  def: RepositoryDef;
  /** tag -> group */
  byTag: Map<string, TagGroup>;
  /** groups materialized so far */
  done: Set<TagGroup>;
  manifests: Map<string, ServedManifest>;
  blobs: Map<string, Blob>;
}

export class Registry {
  readonly host: string;
  private readonly unknownRepository: 'insufficient-scope' | 'name-unknown';
  private readonly authorize: (req: AccessRequest) => boolean;
  private readonly service: string;
  private readonly catalog = new Map<string, CatalogRepo>();
  private readonly pushed = new Map<string, PushedRepo>();

  constructor(opts: RegistryOptions = {}) {
    this.host = opts.host ?? 'localhost:5000';
    this.unknownRepository = opts.unknownRepository ?? 'name-unknown';
    this.authorize = opts.authorize ?? (() => true);
    this.service = opts.service ?? this.host;
    for (const def of opts.catalog ?? []) {
      const byTag = new Map<string, TagGroup>();
      for (const g of def.groups) for (const t of g.tags) byTag.set(t, g);
      this.catalog.set(def.name, { def, byTag, done: new Set(), manifests: new Map(), blobs: new Map() });
    }
  }

  // -------------------------------------------------------------------------------------------
  // errors

  private challenge(repo: string, action: RegistryAction): string {
    const scope = action === 'push' ? 'pull,push' : 'pull';
    return `Bearer realm="https://auth.docker.io/token",service="${this.service}",scope="repository:${repo}:${scope}",error="insufficient_scope"`;
  }

  /** The error for a repository that does not exist (or that this user may not see). */
  private unknownRepo(repo: string, action: RegistryAction = 'pull'): RegistryError {
    if (this.unknownRepository === 'insufficient-scope') return this.denied(repo, action);
    return new RegistryError(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name: repo });
  }

  /** 401 with an insufficient_scope challenge (what Docker Hub answers when access is refused). */
  private denied(repo: string, action: RegistryAction): RegistryError {
    return new RegistryError(
      401,
      'UNAUTHORIZED',
      'authentication required',
      [{ Type: 'repository', Class: '', Name: repo, Action: action }],
      'insufficient_scope',
      this.challenge(repo, action),
    );
  }

  private checkName(repo: string): void {
    if (!isValidRepositoryName(repo)) throw new RegistryError(400, 'NAME_INVALID', 'invalid repository name', { name: repo });
  }

  private checkAccess(repo: string, action: RegistryAction, opts?: RequestOptions): void {
    const req: AccessRequest = { action, repository: repo };
    if (opts?.user !== undefined) req.user = opts.user;
    if (!this.authorize(req)) throw this.denied(repo, action);
  }

  // -------------------------------------------------------------------------------------------
  // lookup

  /** True when the repository has content (catalog or pushed). */
  hasRepository(repo: string): boolean {
    return this.catalog.has(repo) || this.pushed.has(repo);
  }

  private materialize(c: CatalogRepo, g: TagGroup): MaterializedGroup {
    const m = materializeGroup(c.def, g);
    if (!c.done.has(g)) {
      c.done.add(g);
      for (const [d, s] of m.manifests) c.manifests.set(d, s);
      for (const [d, b] of m.blobs) c.blobs.set(d, b);
    }
    return m;
  }

  private materializeAll(c: CatalogRepo): void {
    for (const g of c.def.groups) this.materialize(c, g);
  }

  /** Builds every object of the catalog (for tests and benchmarks). */
  materializeCatalog(): void {
    for (const c of this.catalog.values()) this.materializeAll(c);
  }

  private requireRepo(repo: string, action: RegistryAction, opts?: RequestOptions): void {
    this.checkName(repo);
    if (!this.hasRepository(repo)) throw this.unknownRepo(repo, action);
    this.checkAccess(repo, action, opts);
  }

  /** `GET /v2/<repo>/manifests/<reference>` (tag or digest). */
  getManifest(repo: string, reference: string, opts?: RequestOptions): ServedManifest {
    this.requireRepo(repo, 'pull', opts);
    const p = this.pushed.get(repo);
    const c = this.catalog.get(repo);
    if (isDigest(reference)) {
      const found = p?.manifests.get(reference) ?? (c ? this.catalogManifest(c, reference) : undefined);
      if (found) return found;
      throw new RegistryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown', { Revision: reference });
    }
    if (reference.includes(':')) {
      throw new RegistryError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', { Digest: reference });
    }
    const pushedDigest = p?.tags.get(reference);
    if (pushedDigest) return p!.manifests.get(pushedDigest)!;
    const g = c?.byTag.get(reference);
    if (c && g) return this.materialize(c, g).top;
    throw new RegistryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown', { Tag: reference });
  }

  private catalogManifest(c: CatalogRepo, digest: string): ServedManifest | undefined {
    let m = c.manifests.get(digest);
    if (!m && c.done.size < c.def.groups.length) {
      this.materializeAll(c);
      m = c.manifests.get(digest);
    }
    return m;
  }

  /** `HEAD /v2/<repo>/manifests/<reference>`: digest, media type and size without the body. */
  headManifest(repo: string, reference: string, opts?: RequestOptions): { mediaType: string; digest: string; size: number } {
    const m = this.getManifest(repo, reference, opts);
    return { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
  }

  /** `GET /v2/<repo>/blobs/<digest>`. Configs come as bytes; layers as their description. */
  getBlob(repo: string, digest: string, opts?: RequestOptions): Blob {
    this.requireRepo(repo, 'pull', opts);
    const b = this.findBlob(repo, digest);
    if (!b) throw new RegistryError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', digest);
    return b;
  }

  /** `HEAD /v2/<repo>/blobs/<digest>` (what `docker push` checks to print "Layer already exists"). */
  hasBlob(repo: string, digest: string): boolean {
    if (!isValidRepositoryName(repo) || !this.hasRepository(repo)) return false;
    return this.findBlob(repo, digest) !== undefined;
  }

  private findBlob(repo: string, digest: string): Blob | undefined {
    const p = this.pushed.get(repo)?.blobs.get(digest);
    if (p) return p;
    const c = this.catalog.get(repo);
    if (!c) return undefined;
    let b = c.blobs.get(digest);
    if (!b && c.done.size < c.def.groups.length) {
      this.materializeAll(c);
      b = c.blobs.get(digest);
    }
    return b;
  }

  /** `GET /v2/<repo>/tags/list`: tags in lexical order. */
  tags(repo: string, opts?: RequestOptions): string[] {
    this.requireRepo(repo, 'pull', opts);
    const set = new Set<string>();
    const c = this.catalog.get(repo);
    if (c) for (const t of c.byTag.keys()) set.add(t);
    const p = this.pushed.get(repo);
    if (p) for (const t of p.tags.keys()) set.add(t);
    return [...set].sort();
  }

  /** `GET /v2/_catalog`: repository names in lexical order. */
  repositories(): string[] {
    return [...new Set([...this.catalog.keys(), ...this.pushed.keys()])].sort();
  }

  /** Catalog metadata of a repository (description, stars), if it has any. */
  repositoryInfo(repo: string): RepositoryDef | undefined {
    return this.catalog.get(repo)?.def;
  }

  /**
   * Docker Hub search: repositories whose name or description contains `term` (case
   * insensitive), by star count; official images are listed under their short name.
   */
  search(term: string, opts: { limit?: number } = {}): SearchResult[] {
    const t = term.toLowerCase();
    const out: SearchResult[] = [];
    const seen = new Set<string>();
    for (const c of this.catalog.values()) {
      const d = c.def;
      const name = d.official && d.name.startsWith('library/') ? d.name.slice('library/'.length) : d.name;
      seen.add(d.name);
      if (!name.toLowerCase().includes(t) && !d.description.toLowerCase().includes(t)) continue;
      out.push({ name, description: d.description, star_count: d.stars, is_official: d.official, is_automated: false });
    }
    for (const repo of this.pushed.keys()) {
      if (seen.has(repo) || !repo.toLowerCase().includes(t)) continue;
      out.push({ name: repo, description: '', star_count: 0, is_official: false, is_automated: false });
    }
    out.sort((a, b) => b.star_count - a.star_count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return out.slice(0, opts.limit ?? 25);
  }

  // -------------------------------------------------------------------------------------------
  // push

  /** Checks a push is allowed before anything is sent (the token request of a real client). */
  checkPush(repo: string, opts?: RequestOptions): void {
    this.checkName(repo);
    this.checkAccess(repo, 'push', opts);
  }

  private pushTarget(repo: string, opts?: RequestOptions): PushedRepo {
    this.checkName(repo);
    this.checkAccess(repo, 'push', opts);
    let p = this.pushed.get(repo);
    if (!p) {
      p = { tags: new Map(), manifests: new Map(), blobs: new Map() };
      this.pushed.set(repo, p);
    }
    return p;
  }

  /** Completes a blob upload (`POST` + `PUT ?digest=`), returning its descriptor. */
  putBlob(repo: string, upload: LayerUpload | BytesUpload, opts?: RequestOptions): { digest: string; size: number } {
    let blob: Blob;
    if (upload.kind === 'bytes') {
      const digest = sha256Digest(upload.bytes);
      if (upload.digest !== undefined && upload.digest !== digest) {
        throw new RegistryError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', { Digest: upload.digest });
      }
      blob = { kind: 'bytes', digest, size: upload.bytes.length, bytes: upload.bytes.slice() };
    } else {
      if (!isDigest(upload.digest) || compressedDigest(upload.diffId) !== upload.digest) {
        throw new RegistryError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', { Digest: upload.digest });
      }
      blob = {
        kind: 'layer',
        digest: upload.digest,
        size: upload.size,
        diffId: upload.diffId,
        unpackedSize: upload.unpackedSize,
        entries: upload.entries,
      };
    }
    const p = this.pushTarget(repo, opts);
    p.blobs.set(blob.digest, blob);
    return { digest: blob.digest, size: blob.size };
  }

  /**
   * Cross-repository mount (`POST /v2/<repo>/blobs/uploads/?mount=<digest>&from=<from>`): links
   * a blob `from` holds into `repo` when the user may pull `from`. False: the client uploads.
   */
  mountBlob(repo: string, digest: string, from: string, opts?: RequestOptions): boolean {
    const p = this.pushTarget(repo, opts);
    if (!isValidRepositoryName(from) || !this.hasRepository(from)) return false;
    try {
      this.checkAccess(from, 'pull', opts);
    } catch {
      return false;
    }
    const b = this.findBlob(from, digest);
    if (!b) return false;
    p.blobs.set(digest, b);
    return true;
  }

  /** `PUT /v2/<repo>/manifests/<reference>`: stores the exact bytes; returns their digest. */
  putManifest(repo: string, reference: string, manifest: { mediaType?: string; bytes: Uint8Array }, opts?: RequestOptions): { digest: string } {
    const p = this.pushTarget(repo, opts);
    const text = fromUtf8(manifest.bytes);
    let doc: { schemaVersion?: number; mediaType?: string; config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
    try {
      doc = JSON.parse(text);
    } catch {
      throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', 'invalid JSON');
    }
    const mediaType = doc.mediaType ?? manifest.mediaType;
    if (doc.schemaVersion !== 2 || mediaType === undefined) {
      throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', 'schemaVersion 2 manifest with a mediaType expected');
    }
    if (manifest.mediaType !== undefined && doc.mediaType !== undefined && manifest.mediaType !== doc.mediaType) {
      throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', `mediaType in manifest should be '${manifest.mediaType}' not '${doc.mediaType}'`);
    }
    const digest = sha256Digest(manifest.bytes);
    if (isDigest(reference)) {
      if (reference !== digest) throw new RegistryError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', { Digest: reference });
    } else if (!isValidTag(reference)) {
      throw new RegistryError(400, 'TAG_INVALID', 'manifest tag did not match URI', { Tag: reference });
    }
    if (MANIFEST_MEDIA_TYPES.includes(mediaType)) {
      if (!doc.config || !Array.isArray(doc.layers)) throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', 'config and layers expected');
      for (const d of [doc.config, ...doc.layers]) {
        if (!p.blobs.has(d.digest) && !this.findBlob(repo, d.digest)) {
          throw new RegistryError(400, 'MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry', d.digest);
        }
      }
    } else if (INDEX_MEDIA_TYPES.includes(mediaType)) {
      if (!Array.isArray(doc.manifests)) throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', 'manifests expected');
      for (const d of doc.manifests) {
        if (!p.manifests.has(d.digest) && !(this.catalog.get(repo) && this.catalogManifest(this.catalog.get(repo)!, d.digest))) {
          throw new RegistryError(400, 'MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry', d.digest);
        }
      }
    } else {
      throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest invalid', `unsupported manifest media type ${mediaType}`);
    }
    p.manifests.set(digest, { mediaType, digest, bytes: manifest.bytes.slice(), text });
    if (!isDigest(reference)) p.tags.set(reference, digest);
    return { digest };
  }
}

/** Parses served manifest bytes. */
export function parseManifest(m: ServedManifest): ImageManifest | ImageIndex {
  return JSON.parse(m.text) as ImageManifest | ImageIndex;
}

export function isIndex(m: { mediaType: string }): boolean {
  return INDEX_MEDIA_TYPES.includes(m.mediaType);
}

export { MediaTypes };
