import { describe, expect, it } from 'vitest';
import { HUB_CATALOG } from '../../../src/sim/registry/catalog/index';
import { ImageBuilder } from '../../../src/sim/registry/catalog/build';
import { layerMaker } from '../../../src/sim/registry/catalog/layers';
import { AUTO, both, repository, tags, type Arch } from '../../../src/sim/registry/catalog/model';
import { sha256Digest } from '../../../src/sim/registry/digest';
import { Hub } from '../../../src/sim/registry/hub';
import { selectManifest } from '../../../src/sim/registry/platform';
import { Registry, parseManifest } from '../../../src/sim/registry/registry';
import type { BytesBlob, ImageIndex, ImageManifest } from '../../../src/sim/registry/types';

function tiny(name: string, format: 'oci' | 'docker', arches: Arch[], attestations: boolean) {
  const build = (arch: Arch) => {
    const L = layerMaker(`test:${name}`, arch, '2025-01-01T00:00:00Z');
    return ImageBuilder.scratch(arch)
      .at('2025-01-01T00:00:00Z')
      .copy('app /', L('app', both(100, AUTO), (t) => t.exe('/app', 'hello', 1_000)))
      .cmd(['/app'])
      .build();
  };
  return repository({ name: `test/${name}`, description: `a ${name} image`, stars: 3, format, groups: [tags(['latest', 'v1'], build, { arches, attestations })] });
}

describe('timing', () => {
  it('constructs the Hub without building images, and builds one image quickly', () => {
    let t = performance.now();
    const hub = new Hub();
    const construct = performance.now() - t;
    t = performance.now();
    const m = hub.getManifest('library/nginx', 'latest');
    const firstTag = performance.now() - t;
    t = performance.now();
    hub.materializeCatalog();
    const all = performance.now() - t;
    t = performance.now();
    new Hub().materializeCatalog();
    const again = performance.now() - t;
    console.log(
      `registry timing: new Hub() ${construct.toFixed(1)} ms; nginx:latest (both platforms) ${firstTag.toFixed(0)} ms; ` +
        `rest of the catalog ${all.toFixed(0)} ms; a second Hub over the cached catalog ${again.toFixed(0)} ms`,
    );
    expect(m.digest).toMatch(/^sha256:/);
    expect(construct).toBeLessThan(50);
    expect(firstTag).toBeLessThan(3_000);
    expect(again).toBeLessThan(500);
  });
});

describe('manifest schemas', () => {
  it('serves a Docker schema 2 repository as a manifest list with 3-space indentation', () => {
    const r = new Registry({ catalog: [tiny('docker', 'docker', ['amd64', 'arm64'], true)] });
    const top = r.getManifest('test/docker', 'latest');
    expect(top.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    expect(top.text).toMatch(/^\{\n {3}"schemaVersion": 2,/);
    const list = parseManifest(top) as ImageIndex;
    expect(list.manifests).toHaveLength(2);
    expect(Object.keys(list.manifests[0]!)).toEqual(['mediaType', 'size', 'digest', 'platform']);
    const m = r.getManifest('test/docker', selectManifest(list, { os: 'linux', architecture: 'arm64' }).digest);
    expect(m.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    const man = parseManifest(m) as ImageManifest;
    expect(man.config.mediaType).toBe('application/vnd.docker.container.image.v1+json');
    expect(man.layers[0]!.mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar.gzip');
  });

  it('serves a single-platform image without attestations as a plain manifest', () => {
    const r = new Registry({ catalog: [tiny('single', 'oci', ['amd64'], false)] });
    const top = r.getManifest('test/single', 'v1');
    expect(top.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(top.text).toMatch(/^\{\n {2}"schemaVersion": 2,/);
    expect(r.headManifest('test/single', 'latest')).toEqual({ mediaType: top.mediaType, digest: top.digest, size: top.bytes.length });
  });

  it('serves the attestation manifests an official index lists', () => {
    const hub = new Hub();
    const idx = parseManifest(hub.getManifest('library/redis', 'latest')) as ImageIndex;
    const att = idx.manifests.filter((d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
    expect(att).toHaveLength(2);
    for (const d of att) {
      expect(d.platform).toEqual({ architecture: 'unknown', os: 'unknown' });
      expect(idx.manifests.some((m) => m.digest === d.annotations!['vnd.docker.reference.digest'])).toBe(true);
      const m = parseManifest(hub.getManifest('library/redis', d.digest)) as ImageManifest;
      for (const l of m.layers) {
        expect(l.mediaType).toBe('application/vnd.in-toto+json');
        const b = hub.getBlob('library/redis', l.digest) as BytesBlob;
        expect(sha256Digest(b.bytes)).toBe(l.digest);
        expect(JSON.parse(new TextDecoder().decode(b.bytes))._type).toBe('https://in-toto.io/Statement/v0.1');
      }
    }
    const amd = idx.manifests.find((d) => d.platform?.architecture === 'amd64')!;
    expect(amd.annotations).toMatchObject({
      'com.docker.official-images.bashbrew.arch': 'amd64',
      'org.opencontainers.image.base.name': 'debian:bookworm-slim',
      'org.opencontainers.image.version': '8.0.2',
    });
  });
});

describe('catalog queries', () => {
  const hub = new Hub();

  it('lists tags sorted and repositories', () => {
    const t = hub.tags('library/alpine');
    expect(t).toEqual([...t].sort());
    expect(t).toContain('3.22.0');
    expect(hub.repositories()).toContain('library/nginx');
    expect(hub.repositories()).toHaveLength(HUB_CATALOG.length);
  });

  it('searches names and descriptions, official images under their short name, by stars', () => {
    const res = hub.search('nginx');
    expect(res[0]).toEqual({ name: 'nginx', description: 'Official build of Nginx.', star_count: 20_912, is_official: true, is_automated: false });
    const db = hub.search('database');
    expect(db.map((r) => r.name)).toEqual(expect.arrayContaining(['mongo', 'postgres']));
    for (let i = 1; i < db.length; i++) expect(db[i - 1]!.star_count).toBeGreaterThanOrEqual(db[i]!.star_count);
    expect(hub.search('', { limit: 5 })).toHaveLength(5);
    expect(hub.search('no-such-thing-anywhere')).toEqual([]);
  });

  it('lists pushed repositories in search results', () => {
    const h = new Hub();
    const bytes = new TextEncoder().encode('{}');
    h.putBlob('alice/webapp', { kind: 'bytes', bytes }, { user: 'alice' });
    expect(h.search('webapp').map((r) => r.name)).toEqual(['alice/webapp']);
  });
});
