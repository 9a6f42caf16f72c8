import { describe, expect, it } from 'vitest';
import { HUB_CATALOG } from '../../../src/sim/registry/catalog/index';
import { compressedDigest, entryBytes, layerDiffId, sha256Digest } from '../../../src/sim/registry/digest';
import { Hub } from '../../../src/sim/registry/hub';
import { selectManifest } from '../../../src/sim/registry/platform';
import { PROGRAMS, programOf } from '../../../src/sim/registry/programs';
import { isIndex, parseManifest } from '../../../src/sim/registry/registry';
import type { BytesBlob, ImageIndex, ImageManifest, LayerBlob, LayerEntry } from '../../../src/sim/registry/types';

const hub = new Hub();
const decoder = new TextDecoder();

interface Pulled {
  manifest: ImageManifest;
  config: Record<string, any>;
  layers: LayerBlob[];
}

const pulled = new Map<string, Pulled>();

function pull(repo: string, tag: string, architecture = 'amd64'): Pulled {
  const key = `${repo}:${tag}/${architecture}`;
  const cached = pulled.get(key);
  if (cached) return cached;
  const top = hub.getManifest(repo, tag);
  const idx = parseManifest(top) as ImageIndex;
  const d = selectManifest(idx, { os: 'linux', architecture });
  const m = hub.getManifest(repo, d.digest);
  const manifest = parseManifest(m) as ImageManifest;
  const cfgBlob = hub.getBlob(repo, manifest.config.digest) as BytesBlob;
  const config = JSON.parse(decoder.decode(cfgBlob.bytes));
  const layers = manifest.layers.map((l) => hub.getBlob(repo, l.digest) as LayerBlob);
  const p = { manifest, config, layers };
  pulled.set(key, p);
  return p;
}

function files(p: Pulled): Map<string, LayerEntry> {
  const out = new Map<string, LayerEntry>();
  for (const l of p.layers) for (const e of l.entries) out.set(e.path, e);
  return out;
}

function imageSize(p: Pulled): number {
  return p.layers.reduce((n, l) => n + l.unpackedSize, 0);
}

const ALL_TAGS: [string, string][] = [];
for (const r of HUB_CATALOG) for (const g of r.groups) for (const t of g.tags) ALL_TAGS.push([r.name, t]);

describe('catalog', () => {
  it('has the official repositories the lessons use', () => {
    const names = HUB_CATALOG.map((r) => r.name);
    for (const n of ['hello-world', 'alpine', 'busybox', 'ubuntu', 'debian', 'nginx', 'httpd', 'redis', 'postgres', 'mysql', 'node', 'python', 'registry', 'traefik', 'golang', 'memcached', 'mongo']) {
      expect(names).toContain(`library/${n}`);
    }
  });

  it('never lists a tag twice in one repository', () => {
    for (const r of HUB_CATALOG) {
      const tags = r.groups.flatMap((g) => [...g.tags]);
      expect(new Set(tags).size, r.name).toBe(tags.length);
      // Oracle Linux publishes no `latest` tag (pulling `oraclelinux` fails with manifest unknown)
      if (r.name !== 'library/oraclelinux') expect(tags, r.name).toContain('latest');
    }
  });

  it('resolves every tag for linux/amd64 and linux/arm64/v8, with digests of the served bytes', () => {
    for (const [repo, tag] of ALL_TAGS) {
      const top = hub.getManifest(repo, tag);
      expect(top.digest).toBe(sha256Digest(top.bytes));
      expect(isIndex(top)).toBe(true);
      for (const architecture of ['amd64', 'arm64']) {
        const p = pull(repo, tag, architecture);
        expect(p.config.architecture, `${repo}:${tag}`).toBe(architecture);
        expect(p.config.os).toBe('linux');
        if (architecture === 'arm64') expect(p.config.variant).toBe('v8');
        expect(p.config.rootfs.diff_ids).toEqual(p.layers.map((l) => l.diffId));
        const nonEmpty = p.config.history.filter((h: { empty_layer?: boolean }) => !h.empty_layer).length;
        expect(nonEmpty, `${repo}:${tag} history`).toBe(p.layers.length);
        for (let i = 0; i < p.layers.length; i++) {
          expect(p.layers[i]!.digest).toBe(p.manifest.layers[i]!.digest);
          expect(p.layers[i]!.size).toBe(p.manifest.layers[i]!.size);
        }
      }
    }
  });

  it('declares each layer size as what its entries hold, with unique absolute paths', () => {
    const seen = new Set<string>();
    for (const [repo, tag] of ALL_TAGS) {
      for (const architecture of ['amd64', 'arm64']) {
        for (const l of pull(repo, tag, architecture).layers) {
          if (seen.has(l.digest)) continue;
          seen.add(l.digest);
          expect(l.entries.reduce((n, e) => n + entryBytes(e), 0), l.digest).toBe(l.unpackedSize);
          const paths = l.entries.map((e) => e.path);
          expect(new Set(paths).size, `duplicate paths in a layer of ${repo}:${tag}`).toBe(paths.length);
          for (const p of paths) expect(p.startsWith('/'), p).toBe(true);
          expect(compressedDigest(l.diffId)).toBe(l.digest);
        }
      }
    }
  });

  it('gives distinct layers distinct digests', () => {
    const byDigest = new Map<string, string>();
    for (const [repo, tag] of ALL_TAGS) {
      for (const architecture of ['amd64', 'arm64']) {
        for (const l of pull(repo, tag, architecture).layers) {
          const fingerprint = `${l.size}/${l.unpackedSize}/${l.entries.length}`;
          const prev = byDigest.get(l.digest);
          if (prev) expect(prev).toBe(fingerprint);
          else byDigest.set(l.digest, fingerprint);
        }
      }
    }
    expect(byDigest.size).toBeGreaterThan(300);
  });
});

describe('shared base layers', () => {
  const first = (repo: string, tag: string, arch = 'amd64') => pull(repo, tag, arch).layers[0]!.digest;

  it('builds the debian images on debian:bookworm-slim\'s exact layer', () => {
    for (const arch of ['amd64', 'arm64']) {
      const slim = first('library/debian', 'bookworm-slim', arch);
      for (const [repo, tag] of [
        ['library/nginx', 'latest'],
        ['library/nginx', 'stable'],
        ['library/httpd', 'latest'],
        ['library/redis', 'latest'],
        ['library/postgres', 'latest'],
        ['library/python', 'slim'],
        ['library/node', 'slim'],
        ['library/memcached', 'latest'],
      ]) {
        expect(first(repo!, tag!, arch), `${repo}:${tag}`).toBe(slim);
      }
      expect(first('library/debian', 'bookworm', arch)).not.toBe(slim);
    }
  });

  it('builds the full node, python and golang images on buildpack-deps and debian:bookworm', () => {
    const debian = first('library/debian', 'bookworm');
    const bp = pull('library/buildpack-deps', 'bookworm').layers.map((l) => l.digest);
    const scm = pull('library/buildpack-deps', 'bookworm-scm').layers.map((l) => l.digest);
    expect(bp[0]).toBe(debian);
    for (const [repo, tag] of [
      ['library/node', 'latest'],
      ['library/python', 'latest'],
    ]) {
      expect(pull(repo!, tag!).layers.slice(0, bp.length).map((l) => l.digest)).toEqual(bp);
    }
    expect(pull('library/golang', 'latest').layers.slice(0, scm.length).map((l) => l.digest)).toEqual(scm);
  });

  it('builds the alpine variants on the matching alpine release', () => {
    for (const arch of ['amd64', 'arm64']) {
      const a322 = first('library/alpine', '3.22', arch);
      const a321 = first('library/alpine', '3.21', arch);
      for (const [repo, tag] of [
        ['library/nginx', 'alpine'],
        ['library/node', 'alpine'],
        ['library/python', 'alpine'],
        ['library/postgres', 'alpine'],
        ['library/golang', 'alpine'],
        ['library/httpd', 'alpine'],
        ['library/memcached', 'alpine'],
      ]) {
        expect(first(repo!, tag!, arch), `${repo}:${tag}`).toBe(a322);
      }
      for (const [repo, tag] of [
        ['library/redis', 'alpine'],
        ['library/nginx', 'stable-alpine'],
        ['library/registry', 'latest'],
        ['library/traefik', 'latest'],
      ]) {
        expect(first(repo!, tag!, arch), `${repo}:${tag}`).toBe(a321);
      }
    }
  });

  it('shares the nginx entrypoint script layers between nginx builds only where the bytes match', () => {
    const latest = pull('library/nginx', 'latest').layers.map((l) => l.digest);
    const again = pull('library/nginx', '1.29.0-bookworm').layers.map((l) => l.digest);
    expect(again).toEqual(latest);
  });

  it('shares the Go toolchain layer between the bookworm and alpine golang images', () => {
    const deb = pull('library/golang', '1.24').layers.map((l) => l.digest);
    const alp = pull('library/golang', '1.24-alpine').layers.map((l) => l.digest);
    expect(deb.filter((d) => alp.includes(d)).length).toBeGreaterThanOrEqual(2);
  });

  it('puts mongo on ubuntu and mysql on oraclelinux', () => {
    expect(first('library/mongo', 'latest')).toBe(first('library/ubuntu', 'noble'));
    expect(first('library/mongo', '7.0')).toBe(first('library/ubuntu', 'jammy'));
    expect(first('library/mysql', 'latest')).toBe(first('library/oraclelinux', '9-slim'));
  });
});

describe('sizes', () => {
  // `docker images` SIZE of the real amd64 images (graphdriver store, decimal units), mid 2025
  const REAL: [string, string, number][] = [
    ['library/hello-world', 'latest', 10_100],
    ['library/alpine', 'latest', 8_310_000],
    ['library/busybox', 'latest', 4_270_000],
    ['library/ubuntu', 'latest', 78_100_000],
    ['library/debian', 'bookworm', 117_000_000],
    ['library/debian', 'bookworm-slim', 74_800_000],
    ['library/nginx', 'latest', 192_000_000],
    ['library/nginx', 'alpine', 52_500_000],
    ['library/httpd', 'latest', 148_000_000],
    ['library/postgres', 'latest', 438_000_000],
    ['library/node', 'latest', 1_130_000_000],
    ['library/python', 'slim', 121_000_000],
    ['library/python', 'latest', 1_020_000_000],
    ['library/golang', 'latest', 853_000_000],
    ['library/registry', '2', 25_400_000],
  ];

  it('keeps docker images SIZE within a few percent of the real amd64 images', () => {
    for (const [repo, tag, size] of REAL) {
      const got = imageSize(pull(repo, tag));
      expect(Math.abs(got - size) / size, `${repo}:${tag} is ${got}`).toBeLessThan(0.03);
    }
  });

  it('gives compressed layers the sizes the manifest lists and keeps them below the unpacked size', () => {
    const p = pull('library/nginx', 'latest');
    expect(p.manifest.layers[0]!.size).toBe(28_230_129);
    expect(p.manifest.layers[1]!.size).toBe(43_969_761);
    for (const l of p.layers) if (l.unpackedSize > 10_000) expect(l.size).toBeLessThan(l.unpackedSize);
  });
});

describe('image configs', () => {
  it('carries nginx\'s config as the real image does', () => {
    const { config, layers } = pull('library/nginx', 'latest');
    const c = config.config;
    expect(c.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'NGINX_VERSION=1.29.0',
      'NJS_VERSION=0.9.0',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
      'DYNPKG_RELEASE=1~bookworm',
    ]);
    expect(c.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(c.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(c.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(c.Labels).toEqual({ maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' });
    const history = config.history.map((h: { created_by: string }) => h.created_by);
    expect(history[0]).toBe("# debian.sh --arch 'amd64' out/ 'bookworm' '@1749513600'");
    expect(history).toContain('ENV NGINX_VERSION=1.29.0');
    expect(history).toContain('CMD ["nginx" "-g" "daemon off;"]');
    expect(history).toContain('EXPOSE map[80/tcp:{}]');
    expect(history.some((h: string) => h.startsWith('RUN /bin/sh -c set -x') && h.endsWith(' # buildkit'))).toBe(true);
    expect(config.history.find((h: { created_by: string }) => h.created_by.startsWith('CMD')).empty_layer).toBe(true);
    expect(layers.length).toBe(7);
  });

  it('writes config JSON with BuildKit\'s key order and Go\'s HTML escaping', () => {
    const m = parseManifest(hub.getManifest('library/nginx', selectManifest(parseManifest(hub.getManifest('library/nginx', 'latest')) as ImageIndex, { os: 'linux', architecture: 'arm64' }).digest)) as ImageManifest;
    const text = decoder.decode((hub.getBlob('library/nginx', m.config.digest) as BytesBlob).bytes);
    expect(Object.keys(JSON.parse(text))).toEqual(['architecture', 'config', 'created', 'history', 'os', 'rootfs', 'variant']);
    expect(text).toContain('NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e');
    expect(text).toMatch(/^\{"architecture":"arm64","config":\{"ExposedPorts":/);
  });

  it('sets the volumes, stop signals, users and working directories of the database and server images', () => {
    const cfg = (repo: string, tag = 'latest') => pull(repo, tag).config.config;
    expect(cfg('library/postgres').Volumes).toEqual({ '/var/lib/postgresql/data': {} });
    expect(cfg('library/postgres').StopSignal).toBe('SIGINT');
    expect(cfg('library/postgres').Env).toContain('PGDATA=/var/lib/postgresql/data');
    expect(cfg('library/postgres').Env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin');
    expect(cfg('library/mysql').Volumes).toEqual({ '/var/lib/mysql': {} });
    expect(cfg('library/mysql').ExposedPorts).toEqual({ '3306/tcp': {}, '33060/tcp': {} });
    expect(cfg('library/redis').Volumes).toEqual({ '/data': {} });
    expect(cfg('library/redis').WorkingDir).toBe('/data');
    expect(cfg('library/mongo').Volumes).toEqual({ '/data/db': {}, '/data/configdb': {} });
    expect(cfg('library/registry').Volumes).toEqual({ '/var/lib/registry': {} });
    expect(cfg('library/registry').Cmd).toEqual(['/etc/distribution/config.yml']);
    expect(cfg('library/httpd').StopSignal).toBe('SIGWINCH');
    expect(cfg('library/httpd').WorkingDir).toBe('/usr/local/apache2');
    expect(cfg('library/memcached').User).toBe('memcache');
    expect(cfg('library/golang').WorkingDir).toBe('/go');
    expect(cfg('library/golang').Cmd).toEqual(['bash']);
    expect(cfg('library/alpine').Cmd).toEqual(['/bin/sh']);
    expect(cfg('library/alpine').WorkingDir).toBe('/');
    expect(cfg('library/hello-world').Cmd).toEqual(['/hello']);
    expect(cfg('library/busybox')).toEqual({ Cmd: ['sh'] });
    expect(cfg('library/traefik').Labels['org.opencontainers.image.version']).toBe('v3.4.3');
  });

  it('keeps the empty layer BuildKit exports for WORKDIR', () => {
    const layers = pull('library/redis', 'latest').manifest.layers.map((l) => l.digest);
    expect(layers).toContain('sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1');
  });

  it('clamps history to SOURCE_DATE_EPOCH like the official builds', () => {
    const h = pull('library/httpd', 'latest').config.history;
    expect(h[0].created).toBe('2025-01-24T00:31:17Z');
    expect(pull('library/debian', 'bookworm-slim').config.history[0].created).toBe('2025-06-10T00:00:00Z');
  });
});

describe('layer contents', () => {
  it('gives nginx its welcome page, configuration and entrypoint scripts', () => {
    const f = files(pull('library/nginx', 'latest'));
    expect(f.get('/usr/share/nginx/html/index.html')?.content).toContain('<title>Welcome to nginx!</title>');
    expect(f.get('/etc/nginx/nginx.conf')?.content).toContain('include /etc/nginx/conf.d/*.conf;');
    expect(f.get('/etc/nginx/conf.d/default.conf')?.content).toContain('root   /usr/share/nginx/html;');
    expect(f.get('/docker-entrypoint.sh')?.content).toMatch(/^#!\/bin\/sh\n/);
    expect(f.get('/docker-entrypoint.sh')?.mode).toBe(0o775);
    expect(f.get('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh')).toBeDefined();
    expect(programOf(f.get('/usr/sbin/nginx')?.content)).toBe('nginx');
    expect(f.get('/var/log/nginx/access.log')).toMatchObject({ type: 'symlink', target: '/dev/stdout' });
    expect(f.get('/etc/passwd')?.content).toContain('nginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
  });

  it('gives httpd its It works! page', () => {
    const f = files(pull('library/httpd', 'latest'));
    expect(f.get('/usr/local/apache2/htdocs/index.html')?.content).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(f.get('/usr/local/bin/httpd-foreground')?.content).toContain('exec httpd -DFOREGROUND "$@"');
  });

  it('lays out alpine with busybox applets and debian with a merged /usr', () => {
    const a = files(pull('library/alpine', 'latest'));
    expect(a.get('/etc/alpine-release')?.content).toBe('3.22.0\n');
    expect(a.get('/bin/ls')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(a.get('/bin/sh')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(programOf(a.get('/bin/busybox')?.content)).toBe('busybox');
    expect(a.get('/etc/hostname')).toBeUndefined();
    const arm = files(pull('library/alpine', 'latest', 'arm64'));
    expect(arm.get('/lib/ld-musl-aarch64.so.1')).toBeDefined();

    const d = files(pull('library/debian', 'bookworm-slim'));
    expect(d.get('/bin')).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect(d.get('/etc/debian_version')?.content).toBe('12.11\n');
    expect(d.get('/usr/lib/os-release')?.content).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(d.get('/etc/os-release')).toMatchObject({ type: 'symlink' });
    expect(programOf(d.get('/usr/bin/ls')?.content)).toBe('coreutils');
    expect(d.get('/usr/bin/sh')).toMatchObject({ type: 'symlink', target: 'dash' });
    expect(d.get('/etc/passwd')?.content).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n/);

    const u = files(pull('library/ubuntu', 'latest'));
    expect(u.get('/usr/lib/os-release')?.content).toContain('VERSION_ID="24.04"');
    expect(u.get('/etc/passwd')?.content).toContain('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash');

    const b = files(pull('library/busybox', 'latest'));
    expect(b.get('/bin/sleep')).toMatchObject({ type: 'symlink', target: 'busybox' });
    expect(files(pull('library/hello-world', 'latest')).get('/hello')?.content).toBe('\x7fELF docksim-program:hello');
  });

  it('marks executables with exactly one form and uses only the documented program names', () => {
    const used = new Set<string>();
    const seen = new Set<string>();
    for (const [repo, tag] of ALL_TAGS) {
      for (const architecture of ['amd64', 'arm64']) {
        for (const l of pull(repo, tag, architecture).layers) {
          if (seen.has(l.digest)) continue;
          seen.add(l.digest);
          for (const e of l.entries) {
            expect(typeof (e.content ?? '')).toBe('string');
            if (typeof e.content === 'string' && e.content.startsWith('\x7fELF docksim')) {
              expect(e.content).toMatch(/^\x7fELF docksim-program:[a-z0-9._-]+$/);
              expect(e.size ?? 0).toBeGreaterThan(e.content.length);
              used.add(programOf(e.content)!);
            }
          }
        }
      }
    }
    expect([...used].sort()).toEqual(Object.keys(PROGRAMS).sort());
  });

  it('writes shell scripts as text with a #! line', () => {
    const f = files(pull('library/postgres', 'latest'));
    const ep = f.get('/usr/local/bin/docker-entrypoint.sh')!;
    expect(ep.content).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(ep.content).toContain('You must specify POSTGRES_PASSWORD to a non-empty value for the');
    expect(ep.size).toBeUndefined();
  });
});

describe('layer digest rule', () => {
  it('hashes binary content and whiteouts (layers from commits and builds)', () => {
    const bytes: LayerEntry[] = [{ path: '/bin/x', type: 'file', content: new Uint8Array([0, 1, 2]) }];
    expect(layerDiffId(bytes)).not.toBe(layerDiffId([{ path: '/bin/x', type: 'file', content: new Uint8Array([0, 1, 3]) }]));
    expect(entryBytes(bytes[0]!)).toBe(3);
    const wh: LayerEntry[] = [{ path: '/etc/motd', type: 'whiteout' }];
    expect(layerDiffId(wh)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(layerDiffId(wh)).not.toBe(layerDiffId([{ path: '/etc/motd', type: 'file', content: '' }]));
    expect(entryBytes(wh[0]!)).toBe(0);
  });

  it('derives the DiffID from the entries and a salt, deterministically', () => {
    const entries: LayerEntry[] = [{ path: '/a', type: 'file', content: 'x' }];
    expect(layerDiffId(entries, 's')).toBe(layerDiffId([{ ...entries[0]! }], 's'));
    expect(layerDiffId(entries, 's')).not.toBe(layerDiffId(entries, 't'));
    expect(layerDiffId(entries, 's')).not.toBe(layerDiffId([{ path: '/a', type: 'file', content: 'y' }], 's'));
  });
});

describe('compatibility with src/vfs', () => {
  it('hands layer entries to Layer.fromEntries and takes them back', async () => {
    const { Layer } = await import('../../../src/vfs/layer');
    const entries = pull('library/alpine', 'latest').layers[0]!.entries;
    const layer = Layer.fromEntries(entries);
    const back: LayerEntry[] = layer.entries();
    const motd = back.find((e) => e.path === '/etc/motd');
    expect(motd?.content).toContain('Welcome to Alpine!');
    expect(back.find((e) => e.path === '/bin/ls')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
  });
});
