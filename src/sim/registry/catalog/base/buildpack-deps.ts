// buildpack-deps:bookworm{-curl,-scm,} — debian:bookworm plus common build dependencies; the
// full (non-slim) node, python and golang images build on it.

import { ImageBuilder } from '../build';
import type { Tree } from '../fs';
import { layerMaker } from '../layers';
import { archNames, perArch, type Arch, type ImageDef } from '../model';
import { debianImage } from './debian';

export type BuildpackVariant = 'curl' | 'scm' | 'full';

const CREATED = '2025-06-10T23:21:46Z';

function curlEntries(arch: Arch) {
  const lib = `/usr/lib/${archNames(arch).triplet}`;
  return (t: Tree) => {
    t.dirs('/etc/ssl', '/etc/ssl/certs', '/usr/share/ca-certificates', '/usr/share/ca-certificates/mozilla', '/etc/gnupg');
    t.exe('/usr/bin/curl', 'curl', 268_200).exe('/usr/bin/wget', 'wget', 514_184).exe('/usr/bin/gpg', 'gpg', 1_136_968);
    t.exe('/usr/bin/gpgv', 'gpg', 288_552).exe('/usr/bin/gpg-agent', 'gpg', 391_544).exe('/usr/bin/sq', 'sq', 10_642_712);
    t.exe('/usr/sbin/update-ca-certificates', 'update-ca-certificates', 6_744);
    t.lib(`${lib}/libcurl.so.4.8.0`, 707_760).link(`${lib}/libcurl.so.4`, 'libcurl.so.4.8.0');
    t.lib(`${lib}/libssl.so.3`, 695_040).lib(`${lib}/libcrypto.so.3`, 4_709_608);
    t.data('/etc/ssl/certs/ca-certificates.crt', 219_342).data('/etc/ssl/openssl.cnf', 12_332);
    t.data('/etc/services', 12_813).data('/etc/protocols', 2_932).data('/etc/rpc', 887);
  };
}

function scmEntries(arch: Arch) {
  const lib = `/usr/lib/${archNames(arch).triplet}`;
  return (t: Tree) => {
    t.dirs('/usr/lib/git-core', '/usr/share/git-core', '/etc/ssh', '/usr/lib/python3', '/usr/lib/python3.11');
    t.exe('/usr/bin/git', 'git', 3_900_472).exe('/usr/bin/ssh', 'ssh', 924_136).exe('/usr/bin/scp', 'ssh', 133_288);
    t.exe('/usr/bin/ssh-keygen', 'ssh', 484_920).exe('/usr/bin/svn', 'svn', 310_000);
    t.exe('/usr/bin/python3.11', 'python3', 6_831_736).link('/usr/bin/python3', 'python3.11');
    t.script('/usr/bin/hg', '#!/usr/bin/python3\n# mercurial: distributed source control\nimport sys\nfrom mercurial import dispatch\ndispatch.run()\n');
    for (const p of ['ps', 'top', 'free', 'kill', 'pgrep', 'pkill', 'pidof', 'uptime', 'vmstat', 'watch', 'w', 'pmap']) {
      t.exe(`/usr/bin/${p}`, 'procps', 30_000 + p.length * 1_000);
    }
    t.lib(`${lib}/libprocps.so.8.0.3`, 80_000).lib(`${lib}/libsvn_subr-1.so.1.0.0`, 1_436_000);
    t.data('/etc/ssh/ssh_config', 1_650);
  };
}

function fullEntries(arch: Arch) {
  const an = archNames(arch);
  const gcclib = `/usr/lib/gcc/${an.triplet}/12`;
  return (t: Tree) => {
    t.dirs('/usr/lib/gcc', `/usr/lib/gcc/${an.triplet}`, gcclib, '/usr/include', `/usr/include/${an.triplet}`);
    t.exe(`/usr/bin/${an.triplet}-gcc-12`, 'gcc', 1_211_520).link('/usr/bin/gcc-12', `${an.triplet}-gcc-12`).link('/usr/bin/gcc', 'gcc-12');
    t.exe(`/usr/bin/${an.triplet}-g++-12`, 'gcc', 1_215_616).link('/usr/bin/g++-12', `${an.triplet}-g++-12`).link('/usr/bin/g++', 'g++-12');
    t.link('/usr/bin/cc', '/etc/alternatives/cc').link('/etc/alternatives/cc', '/usr/bin/gcc');
    t.link('/usr/bin/c++', '/etc/alternatives/c++').link('/etc/alternatives/c++', '/usr/bin/g++');
    t.exe(`${gcclib}/cc1`, 'gcc', 34_921_024).exe(`${gcclib}/cc1plus`, 'gcc', 37_070_432);
    t.exe(`/usr/bin/${an.triplet}-ld.bfd`, 'binutils', 2_046_576).link('/usr/bin/ld', `${an.triplet}-ld`).link(`/usr/bin/${an.triplet}-ld`, `${an.triplet}-ld.bfd`);
    t.exe(`/usr/bin/${an.triplet}-as`, 'binutils', 955_312).link('/usr/bin/as', `${an.triplet}-as`);
    t.exe('/usr/bin/make', 'make', 252_536).exe('/usr/bin/patch', 'patch', 220_000).exe('/usr/bin/file', 'file', 30_000);
    t.exe('/usr/bin/unzip', 'unzip', 190_000).exe('/usr/bin/xz', 'xz', 96_000).exe('/usr/bin/bzip2', 'bzip2', 39_000);
    t.exe('/usr/bin/autoconf', 'autoconf', 14_000).exe('/usr/bin/automake', 'automake', 250_000);
    t.exe('/usr/bin/convert-im6.q16', 'imagemagick', 14_000).link('/usr/bin/convert', '/etc/alternatives/convert').link('/etc/alternatives/convert', '/usr/bin/convert-im6.q16');
    t.data('/usr/include/stdio.h', 31_315).data('/usr/include/stdlib.h', 36_431).data('/usr/include/string.h', 19_331);
  };
}

/** The three layers, one object each per architecture (every variant and dependent image shares them). */
const layersFor = perArch((arch: Arch) => {
  const L = layerMaker('buildpack-deps:bookworm', arch, CREATED);
  const triplet = archNames(arch).triplet;
  return {
    curl: L('curl', { amd64: [24_016_432, 60_857_344], arm64: [23_547_111, 61_212_672] }, curlEntries(arch), [
      `/usr/lib/${triplet}/libsequoia_openpgp_ffi.so`,
      '/usr/share/ca-certificates/mozilla/bundle.crt',
    ]),
    scm: L('scm', { amd64: [64_393_219, 190_103_552], arm64: [64_003_450, 192_937_984] }, scmEntries(arch), [
      '/usr/lib/python3.11/lib-dynload/_decimal.cpython-311.so',
      '/usr/lib/git-core/git-remote-http',
      '/usr/lib/python3/dist-packages/mercurial/__init__.py',
      `/usr/lib/${triplet}/perl5/5.36/auto/Encode/Encode.so`,
    ]),
    full: L('full', { amd64: [211_363_542, 573_706_240], arm64: [202_678_342, 571_420_672] }, fullEntries(arch), [
      `/usr/lib/${triplet}/libLLVM-14.so.1`,
      `/usr/lib/gcc/${triplet}/12/lto1`,
      `/usr/lib/${triplet}/libMagickCore-6.Q16.a`,
      '/usr/share/doc/libmagickcore-6.q16-dev/changelog.Debian.gz',
      `/usr/lib/${triplet}/libicudata.so.72.1`,
      `/usr/lib/${triplet}/libglib-2.0.a`,
    ]),
  };
});

function build(variant: BuildpackVariant, arch: Arch): ImageDef {
  const layers = layersFor(arch);
  const curl = ImageBuilder.from(debianImage('bookworm', arch), 'debian:bookworm')
    .at(CREATED)
    .version('bookworm-curl')
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*',
      layers.curl,
    );
  if (variant === 'curl') return curl.build();
  const scm = curl
    .version('bookworm-scm')
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*',
      layers.scm,
    );
  if (variant === 'scm') return scm.build();
  return scm
    .version('bookworm')
    .run(
      'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*',
      layers.full,
    )
    .build();
}

const images: Record<BuildpackVariant, (a: Arch) => ImageDef> = {
  curl: perArch((a) => build('curl', a)),
  scm: perArch((a) => build('scm', a)),
  full: perArch((a) => build('full', a)),
};

export function buildpackImage(variant: BuildpackVariant, arch: Arch): ImageDef {
  return images[variant](arch);
}
