import { describe, expect, it } from 'vitest';
import { chainId, compressedDigest, EMPTY_LAYER, sha256Digest, utf8 } from '../../../src/sim/registry/digest';
import { Hub } from '../../../src/sim/registry/hub';
import { NoMatchingManifestError, selectManifest } from '../../../src/sim/registry/platform';
import { Registry, RegistryError, isIndex, parseManifest } from '../../../src/sim/registry/registry';
import type { ImageIndex, ImageManifest, LayerBlob, BytesBlob } from '../../../src/sim/registry/types';

const hub = new Hub();

function index(repo: string, tag: string): ImageIndex {
  const m = hub.getManifest(repo, tag);
  expect(isIndex(m)).toBe(true);
  return parseManifest(m) as ImageIndex;
}

function platformManifest(repo: string, tag: string, architecture: string): ImageManifest {
  const d = selectManifest(index(repo, tag), { os: 'linux', architecture });
  return parseManifest(hub.getManifest(repo, d.digest)) as ImageManifest;
}

function config(repo: string, m: ImageManifest): Record<string, any> {
  const b = hub.getBlob(repo, m.config.digest) as BytesBlob;
  expect(b.kind).toBe('bytes');
  return JSON.parse(new TextDecoder().decode(b.bytes));
}

function caught(f: () => unknown): RegistryError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegistryError) return e;
    throw e;
  }
  throw new Error('expected a RegistryError');
}

describe('served objects', () => {
  it('serves manifests whose digest is the sha256 of the bytes', () => {
    const m = hub.getManifest('library/alpine', 'latest');
    expect(m.digest).toBe(sha256Digest(m.bytes));
    expect(new TextDecoder().decode(m.bytes)).toBe(m.text);
    const d = selectManifest(index('library/alpine', 'latest'), { os: 'linux', architecture: 'amd64' });
    const pm = hub.getManifest('library/alpine', d.digest);
    expect(pm.digest).toBe(d.digest);
    expect(pm.bytes.length).toBe(d.size);
  });

  it('serves configs whose digest is the sha256 of the bytes, with diff_ids matching the layers', () => {
    const m = platformManifest('library/debian', 'bookworm-slim', 'amd64');
    const b = hub.getBlob('library/debian', m.config.digest) as BytesBlob;
    expect(sha256Digest(b.bytes)).toBe(m.config.digest);
    expect(b.bytes.length).toBe(m.config.size);
    const cfg = config('library/debian', m);
    const layers = m.layers.map((l) => hub.getBlob('library/debian', l.digest) as LayerBlob);
    expect(cfg.rootfs.diff_ids).toEqual(layers.map((l) => l.diffId));
    for (const l of layers) expect(compressedDigest(l.diffId)).toBe(l.digest);
  });

  it('tags that alias one image resolve to the same digest', () => {
    expect(hub.getManifest('library/alpine', 'latest').digest).toBe(hub.getManifest('library/alpine', '3.22.0').digest);
    expect(hub.getManifest('library/alpine', 'latest').digest).not.toBe(hub.getManifest('library/alpine', '3.21').digest);
  });

  it('is deterministic across registry instances', () => {
    const other = new Hub();
    expect(other.getManifest('library/busybox', 'latest').digest).toBe(hub.getManifest('library/busybox', 'latest').digest);
  });
});

describe('platform selection', () => {
  it('picks amd64 and arm64/v8 entries and skips attestation manifests', () => {
    const idx = index('library/alpine', 'latest');
    expect(idx.manifests.some((d) => d.platform?.os === 'unknown')).toBe(true);
    expect(selectManifest(idx, { os: 'linux', architecture: 'amd64' }).platform).toEqual({ architecture: 'amd64', os: 'linux' });
    expect(selectManifest(idx, { os: 'linux', architecture: 'aarch64' }).platform).toEqual({ architecture: 'arm64', os: 'linux', variant: 'v8' });
    expect(selectManifest(idx, { os: 'linux', architecture: 'arm64', variant: 'v8' }).platform?.variant).toBe('v8');
  });

  it('reports a missing platform with the daemon message', () => {
    const idx: ImageIndex = {
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:' + '0'.repeat(64), size: 1, platform: { os: 'linux', architecture: 'amd64' } }],
    };
    expect(() => selectManifest(idx, { os: 'linux', architecture: 'arm64' })).toThrow(NoMatchingManifestError);
    expect(() => selectManifest(idx, { os: 'linux', architecture: 'arm64' })).toThrow(
      'no matching manifest for linux/arm64/v8 in the manifest list entries',
    );
  });

  it('lets arm64 fall back to 32-bit arm and amd64 to 386', () => {
    const mk = (architecture: string, variant?: string) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256Digest(architecture + (variant ?? '')),
      size: 1,
      platform: variant ? { os: 'linux', architecture, variant } : { os: 'linux', architecture },
    });
    const idx: ImageIndex = { schemaVersion: 2, manifests: [mk('arm', 'v6'), mk('arm', 'v7'), mk('386')] };
    expect(selectManifest(idx, { os: 'linux', architecture: 'arm64' }).platform?.variant).toBe('v7');
    expect(selectManifest(idx, { os: 'linux', architecture: 'amd64' }).platform?.architecture).toBe('386');
  });
});

describe('errors', () => {
  it('answers an unknown repository on Docker Hub with 401 insufficient_scope (denied)', () => {
    const e = caught(() => hub.getManifest('library/doesnotexist', 'latest'));
    expect(e.status).toBe(401);
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.clientCode).toBe('DENIED');
    expect(e.text).toBe('denied: requested access to the resource is denied');
    expect(e.wwwAuthenticate).toContain('error="insufficient_scope"');
  });

  it('answers an unknown tag with MANIFEST_UNKNOWN', () => {
    const e = caught(() => hub.getManifest('library/alpine', 'nope'));
    expect(e.status).toBe(404);
    expect(e.code).toBe('MANIFEST_UNKNOWN');
    expect(e.text).toBe('manifest unknown: manifest unknown');
  });

  it('answers an unknown digest and blob', () => {
    expect(caught(() => hub.getManifest('library/alpine', 'sha256:' + 'a'.repeat(64))).code).toBe('MANIFEST_UNKNOWN');
    expect(caught(() => hub.getBlob('library/alpine', 'sha256:' + 'a'.repeat(64))).code).toBe('BLOB_UNKNOWN');
  });

  it('a plain registry answers an unknown repository with NAME_UNKNOWN', () => {
    const r = new Registry();
    const e = caught(() => r.getManifest('foo', 'latest'));
    expect(e.status).toBe(404);
    expect(e.code).toBe('NAME_UNKNOWN');
    expect(e.text).toBe('name unknown: repository name not known to registry');
  });
});

describe('push', () => {
  function pushImage(r: Registry, repo: string, tag: string, user?: string) {
    const entries = [{ path: '/app/hello.txt', type: 'file' as const, content: 'hi\n' }];
    const diffId = sha256Digest('layer-of-' + repo);
    const layer = { kind: 'layer' as const, digest: compressedDigest(diffId), diffId, size: 120, unpackedSize: 3, entries };
    const cfgBytes = utf8(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [diffId] } }));
    const opts = user === undefined ? {} : { user };
    const c = r.putBlob(repo, { kind: 'bytes', bytes: cfgBytes }, opts);
    const l = r.putBlob(repo, layer, opts);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: c.size, digest: c.digest },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.size, digest: l.digest }],
    });
    const put = r.putManifest(repo, tag, { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', bytes: utf8(manifest) }, opts);
    return { put, manifest, cfgBytes, layer };
  }

  it('round-trips an image through an empty registry', () => {
    const r = new Registry({ host: 'localhost:5000' });
    const { put, manifest, cfgBytes, layer } = pushImage(r, 'myapp', 'v1');
    expect(put.digest).toBe(sha256Digest(manifest));
    const got = r.getManifest('myapp', 'v1');
    expect(got.text).toBe(manifest);
    expect(got.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(r.getManifest('myapp', put.digest).digest).toBe(put.digest);
    const m = parseManifest(got) as ImageManifest;
    expect((r.getBlob('myapp', m.config.digest) as BytesBlob).bytes).toEqual(cfgBytes);
    expect((r.getBlob('myapp', m.layers[0]!.digest) as LayerBlob).entries).toEqual(layer.entries);
    expect(r.tags('myapp')).toEqual(['v1']);
    expect(r.repositories()).toEqual(['myapp']);
  });

  it('refuses a manifest whose blobs were not uploaded', () => {
    const r = new Registry();
    const bytes = utf8(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:' + 'b'.repeat(64), size: 2 },
        layers: [],
      }),
    );
    expect(caught(() => r.putManifest('x', 'latest', { bytes })).code).toBe('MANIFEST_BLOB_UNKNOWN');
  });

  it('refuses a layer whose digest does not match its DiffID', () => {
    const r = new Registry();
    const upload = { kind: 'layer' as const, digest: 'sha256:' + 'c'.repeat(64), diffId: sha256Digest('x'), size: 1, unpackedSize: 0, entries: [] };
    expect(caught(() => r.putBlob('x', upload)).code).toBe('DIGEST_INVALID');
  });

  it('Docker Hub accepts pushes only into the logged-in user\'s namespace', () => {
    const h = new Hub();
    expect(caught(() => pushImage(h, 'alice/app', 'v1')).text).toBe('denied: requested access to the resource is denied');
    expect(caught(() => pushImage(h, 'library/nginx', 'v1', 'alice')).clientCode).toBe('DENIED');
    pushImage(h, 'alice/app', 'v1', 'alice');
    expect(h.tags('alice/app')).toEqual(['v1']);
    expect(h.getManifest('alice/app', 'v1').mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
  });

  it('mounts a blob from another repository', () => {
    const h = new Hub();
    const m = platformManifest('library/alpine', 'latest', 'amd64');
    const digest = m.layers[0]!.digest;
    expect(h.hasBlob('alice/base', digest)).toBe(false);
    expect(h.mountBlob('alice/base', digest, 'library/alpine', { user: 'alice' })).toBe(true);
    expect(h.hasBlob('alice/base', digest)).toBe(true);
  });
});

describe('digests helpers', () => {
  it('computes ChainIDs as the image spec defines them', () => {
    const a = sha256Digest('a');
    const b = sha256Digest('b');
    expect(chainId([a])).toBe(a);
    expect(chainId([a, b])).toBe(sha256Digest(`${a} ${b}`));
  });

  it('uses the real digests of the empty layer', () => {
    expect(EMPTY_LAYER.diffId).toBe(sha256Digest(new Uint8Array(1024)));
    expect(compressedDigest(EMPTY_LAYER.diffId)).toBe(EMPTY_LAYER.digest);
  });
});
