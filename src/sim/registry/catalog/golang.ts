// library/golang: Go 1.24 and 1.23 on buildpack-deps:bookworm-scm and on alpine.

import { alpineImage } from './base/alpine';
import { buildpackImage } from './base/buildpack-deps';
import { DEFAULT_PATH, ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { archNames, EMPTY, repository, tags, type Arch, type ArchSizes, type ImageDef, type LayerDef } from './model';

interface Release {
  version: string;
  released: string;
  epoch: string;
  go: ArchSizes;
}

const G124: Release = { version: '1.24.4', released: '2025-06-03T18:11:31Z', epoch: '2025-06-05T20:57:34Z', go: { amd64: [78_916_550, 225_386_496], arm64: [75_134_862, 219_758_592] } };
const G123: Release = { version: '1.23.10', released: '2025-06-03T18:11:31Z', epoch: '2025-06-05T20:57:34Z', go: { amd64: [74_871_021, 217_931_776], arm64: [71_390_480, 212_533_248] } };

function goFiles(r: Release, arch: Arch) {
  return (t: Tree) => {
    const goarch = arch === 'arm64' ? 'arm64' : 'amd64';
    t.dirs('/usr/local/go', '/usr/local/go/bin', '/usr/local/go/pkg', '/usr/local/go/pkg/tool', `/usr/local/go/pkg/tool/linux_${goarch}`, '/usr/local/go/src');
    t.file('/usr/local/go/VERSION', `go${r.version}\ntime ${r.released}\n`);
    t.exe('/usr/local/go/bin/go', 'go', arch === 'arm64' ? 13_904_056 : 14_793_442);
    t.exe('/usr/local/go/bin/gofmt', 'gofmt', arch === 'arm64' ? 2_818_162 : 3_041_216);
    for (const [tool, size] of [
      ['compile', 20_114_248],
      ['link', 6_811_520],
      ['asm', 4_031_744],
      ['vet', 8_802_304],
      ['cgo', 4_302_848],
      ['cover', 5_201_920],
      ['pprof', 15_802_368],
    ] as const) {
      t.exe(`/usr/local/go/pkg/tool/linux_${goarch}/${tool}`, 'go-tool', size);
    }
    t.data('/usr/local/go/src/runtime/proc.go', 214_116).data('/usr/local/go/src/fmt/print.go', 31_906).data('/usr/local/go/src/net/http/server.go', 125_672);
  };
}

const GO_FILL = ['/usr/local/go/src/cmd/vendor/golang.org/x/tools/go/analysis/doc.go', '/usr/local/go/pkg/include/asm_amd64.h', '/usr/local/go/src/runtime/mgc.go', '/usr/local/go/lib/time/zoneinfo.zip', '/usr/local/go/src/crypto/internal/fips140/aes/gcm.go'];

const goLayers = new Map<string, LayerDef>();

function goLayer(r: Release, arch: Arch): LayerDef {
  const key = `${r.version}/${arch}`;
  let l = goLayers.get(key);
  if (!l) {
    l = layerMaker(`golang:${r.version}`, arch, r.epoch)('go', r.go, goFiles(r, arch), GO_FILL);
    goLayers.set(key, l);
  }
  return l;
}

function finish(b: ImageBuilder, L: ReturnType<typeof layerMaker>, r: Release, arch: Arch): ImageDef {
  return b
    .env({ GOLANG_VERSION: r.version })
    .env({ GOTOOLCHAIN: 'local' })
    .env({ GOPATH: '/go' })
    .env({ PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` })
    // COPY --link of the downloaded toolchain: the same layer in every variant of this release
    .copy('/target/ /', goLayer(r, arch))
    .run(
      'mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"',
      L('gopath', both(126, 0), (t) => t.dir('/go', 0o1777).dir('/go/src', 0o1777).dir('/go/bin', 0o1777)),
    )
    .workdir('/go', EMPTY)
    .build();
}

function debianGo(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`golang:${r.version}-bookworm`, arch, r.epoch);
  const triplet = archNames(arch).triplet;
  const b = ImageBuilder.from(buildpackImage('scm', arch), 'buildpack-deps:bookworm-scm')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/*',
      L('cgo', { amd64: [86_131_042, 260_128_768], arm64: [82_960_513, 254_189_568] }, (t) => {
        t.exe(`/usr/bin/${triplet}-gcc-12`, 'gcc', 1_211_520).link('/usr/bin/gcc', `${triplet}-gcc-12`);
        t.exe(`/usr/bin/${triplet}-g++-12`, 'gcc', 1_215_616).link('/usr/bin/g++', `${triplet}-g++-12`);
        t.exe('/usr/bin/make', 'make', 252_536).exe('/usr/bin/pkg-config', 'pkg-config', 47_000);
      }, [`/usr/lib/gcc/${triplet}/12/cc1`, `/usr/lib/gcc/${triplet}/12/cc1plus`, `/usr/lib/gcc/${triplet}/12/lto1`, `/usr/lib/${triplet}/libc.a`, `/usr/lib/${triplet}/libstdc++.so.6.0.30-gdb.py`]),
    );
  return finish(b, L, r, arch);
}

function alpineGo(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`golang:${r.version}-alpine3.22`, arch, r.epoch);
  const b = ImageBuilder.from(alpineImage('3.22', arch), 'alpine:3.22')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run('apk add --no-cache ca-certificates', L('ca', { amd64: [290_118, 688_128], arm64: [290_201, 688_128] }, (t) => t.data('/etc/ssl/certs/ca-certificates.crt', 221_834), ['/usr/share/ca-certificates/mozilla/bundle.crt']));
  return finish(b, L, r, arch);
}

function goTags(r: Release, suffix: string, aliases: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const out: string[] = [];
  for (const v of [r.version, `${maj}.${min}`, ...aliases]) out.push(suffix ? `${v}-${suffix}` : v);
  return out;
}

export const golang = repository({
  name: 'golang',
  description: 'Go (golang) is a general purpose, higher-level, imperative programming language.',
  stars: 5_011,
  groups: [
    tags(['latest', 'bookworm', ...goTags(G124, '', ['1']), ...goTags(G124, 'bookworm', ['1'])], (a) => debianGo(G124, a)),
    tags(['alpine', 'alpine3.22', ...goTags(G124, 'alpine', ['1']), ...goTags(G124, 'alpine3.22', ['1'])], (a) => alpineGo(G124, a)),
    tags([...goTags(G123, '', []), ...goTags(G123, 'bookworm', [])], (a) => debianGo(G123, a)),
    tags([...goTags(G123, 'alpine', []), ...goTags(G123, 'alpine3.22', [])], (a) => alpineGo(G123, a)),
  ],
});
