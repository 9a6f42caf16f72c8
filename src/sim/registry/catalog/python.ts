// library/python: CPython 3.13 and 3.12 — full images on buildpack-deps:bookworm, -slim on
// debian:bookworm-slim, -alpine on alpine.

import { alpineImage } from './base/alpine';
import { buildpackImage } from './base/buildpack-deps';
import { debianImage } from './base/debian';
import { DEFAULT_PATH, ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { archNames, AUTO, repository, standInSha256, tags, type Arch, type ArchSizes, type ImageDef } from './model';

interface Release {
  version: string;
  pip: string;
  epoch: string;
  gpgKey: string;
  fullApt: ArchSizes;
  full: ArchSizes;
  slimApt: ArchSizes;
  slim: ArchSizes;
  alpine: ArchSizes;
}

const P313: Release = {
  version: '3.13.5',
  pip: '25.1.1',
  epoch: '2025-06-11T17:41:05Z',
  gpgKey: '7169605F62C751356D054A26A821E680E5FA6305',
  fullApt: { amd64: [6_161_308, 21_749_760], arm64: [6_044_017, 22_310_912] },
  full: { amd64: [26_826_114, 67_244_032], arm64: [26_120_507, 66_666_496] },
  slimApt: { amd64: [3_512_884, 9_097_216], arm64: [3_331_927, 9_248_768] },
  slim: { amd64: [14_132_901, 37_797_888], arm64: [13_886_410, 37_212_160] },
  alpine: { amd64: [16_101_774, 36_413_440], arm64: [16_007_289, 37_027_840] },
};

const P312: Release = {
  version: '3.12.11',
  pip: '25.0.1',
  epoch: '2025-06-04T01:23:18Z',
  gpgKey: '7169605F62C751356D054A26A821E680E5FA6305',
  fullApt: { amd64: [6_161_308, 21_749_760], arm64: [6_044_017, 22_310_912] },
  full: { amd64: [25_908_223, 65_961_984], arm64: [25_251_002, 65_466_368] },
  slimApt: { amd64: [3_512_884, 9_097_216], arm64: [3_331_927, 9_248_768] },
  slim: { amd64: [13_913_005, 36_515_840], arm64: [13_671_188, 36_003_840] },
  alpine: { amd64: [15_817_340, 35_233_792], arm64: [15_726_990, 35_840_000] },
};

function pythonFiles(t: Tree, r: Release, arch: Arch): void {
  const mm = r.version.split('.').slice(0, 2).join('.');
  const lib = `/usr/local/lib/python${mm}`;
  t.dirs('/usr/local/bin', lib, `${lib}/site-packages`, `${lib}/site-packages/pip`, `${lib}/lib-dynload`, '/usr/local/include', `/usr/local/include/python${mm}`);
  t.exe(`/usr/local/bin/python${mm}`, 'python3', 16_160);
  t.link('/usr/local/bin/python3', `python${mm}`);
  t.lib(`/usr/local/lib/libpython${mm}.so.1.0`, arch === 'arm64' ? 6_622_208 : 6_912_320);
  t.link(`/usr/local/lib/libpython${mm}.so`, `libpython${mm}.so.1.0`).link('/usr/local/lib/libpython3.so', `libpython${mm}.so.1.0`);
  const pip = `#!/usr/local/bin/python${mm}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n`;
  t.script(`/usr/local/bin/pip${mm}`, pip).script('/usr/local/bin/pip3', pip);
  t.script(`/usr/local/bin/pydoc${mm}`, `#!/usr/local/bin/python${mm}\n\nimport pydoc\nif __name__ == '__main__':\n    pydoc.cli()\n`).link('/usr/local/bin/pydoc3', `pydoc${mm}`);
  t.script(`/usr/local/bin/idle${mm}`, `#!/usr/local/bin/python${mm}\n\nfrom idlelib.pyshell import main\nif __name__ == '__main__':\n    main()\n`).link('/usr/local/bin/idle3', `idle${mm}`);
  t.script(`/usr/local/bin/python${mm}-config`, '#!/bin/sh\n# print the flags to build against this Python\necho "-I/usr/local/include/python' + mm + '"\n').link('/usr/local/bin/python3-config', `python${mm}-config`);
  t.file(`${lib}/site-packages/pip/__init__.py`, `from typing import List, Optional\n\n__version__ = "${r.pip}"\n`);
  t.data(`${lib}/os.py`, 41_432).data(`${lib}/subprocess.py`, 89_312).data(`${lib}/json/__init__.py`, 14_201);
  t.data(`/usr/local/include/python${mm}/Python.h`, 3_812);
}

function pythonFill(r: Release, arch: Arch): string[] {
  const mm = r.version.split('.').slice(0, 2).join('.');
  const lib = `/usr/local/lib/python${mm}`;
  const tag = `cpython-${mm.replace('.', '')}-${archNames(arch).uname}-linux-gnu`;
  return [
    `${lib}/site-packages/pip/_vendor/rich/_emoji_codes.py`,
    `${lib}/lib-dynload/_decimal.${tag}.so`,
    `${lib}/lib-dynload/_ssl.${tag}.so`,
    `${lib}/pydoc_data/topics.py`,
    `${lib}/__pycache__/typing.cpython-${mm.replace('.', '')}.pyc`,
    `${lib}/config-${mm}-${archNames(arch).triplet}/Makefile`,
    `${lib}/ensurepip/_bundled/pip-${r.pip}-py3-none-any.whl`,
  ];
}

const BUILD = (alpine: boolean) =>
  `set -eux; \t\t${alpine ? 'apk add --no-cache --virtual .build-deps \t\tgnupg \t\ttar \t\txz \t\t\t\tbluez-dev \t\tbzip2-dev \t\tdpkg-dev dpkg \t\tfindutils \t\tgcc \t\tgdbm-dev \t\tlibc-dev \t\tlibffi-dev \t\tlibnsl-dev \t\tlibtirpc-dev \t\tlinux-headers \t\tmake \t\tncurses-dev \t\topenssl-dev \t\tpax-utils \t\treadline-dev \t\tsqlite-dev \t\ttcl-dev \t\ttk \t\ttk-dev \t\tutil-linux-dev \t\txz-dev \t\tzlib-dev \t;' : 'savedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t;'} \t\twget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \twget -O python.tar.xz.asc "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc"; \tGNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \trm python; \tmake -j "$nproc" python; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\t${alpine ? 'apk del --no-network .build-deps;' : "apt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*;"} \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version`;

function finish(b: ImageBuilder, L: ReturnType<typeof layerMaker>): ImageDef {
  return b
    .run(
      'set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone',
      L('links', both(249, AUTO), (t) => {
        for (const src of ['idle3', 'pip3', 'pydoc3', 'python3', 'python3-config']) t.link(`/usr/local/bin/${src.replace('3', '')}`, src);
      }),
    )
    .cmd(['python3'])
    .build();
}

type Variant = 'full' | 'slim' | 'alpine';

function buildPython(r: Release, variant: Variant, arch: Arch): ImageDef {
  const suffix = variant === 'full' ? 'bookworm' : variant === 'slim' ? 'slim-bookworm' : 'alpine3.22';
  const L = layerMaker(`python:${r.version}-${suffix}`, arch, r.epoch);
  const base =
    variant === 'full'
      ? ImageBuilder.from(buildpackImage('full', arch), 'buildpack-deps:bookworm')
      : variant === 'slim'
        ? ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
        : ImageBuilder.from(alpineImage('3.22', arch), 'alpine:3.22');
  let b = base.sourceDateEpoch(r.epoch).version(r.version).env({ PATH: `/usr/local/bin:${DEFAULT_PATH}` }).env({ LANG: 'C.UTF-8' });
  const triplet = archNames(arch).triplet;
  if (variant === 'full') {
    b = b.run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*',
      L('apt', r.fullApt, undefined, [`/usr/lib/${triplet}/libtk8.6.so`, `/usr/lib/${triplet}/libtcl8.6.so`, '/usr/include/bluetooth/bluetooth.h', '/usr/share/tcltk/tk8.6/ttk/ttk.tcl']),
    );
  } else if (variant === 'slim') {
    b = b.run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*',
      L('apt', r.slimApt, (t) => t.data('/etc/ssl/certs/ca-certificates.crt', 219_342).data('/etc/services', 12_813).data('/etc/protocols', 2_932), [`/usr/lib/${triplet}/libssl.so.3`, `/usr/lib/${triplet}/libcrypto.so.3`, '/usr/share/ca-certificates/mozilla/bundle.crt']),
    );
  } else {
    b = b.run(
      'set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t;',
      L('apk', { amd64: [460_311, 1_101_824], arm64: [461_027, 1_101_824] }, (t) => t.data('/etc/ssl/certs/ca-certificates.crt', 221_834), ['/usr/share/zoneinfo/tzdata.zi']),
    );
  }
  b = b
    .env({ GPG_KEY: r.gpgKey })
    .env({ PYTHON_VERSION: r.version })
    .env({ PYTHON_SHA256: standInSha256(`Python-${r.version}.tar.xz`) })
    .run(BUILD(variant === 'alpine'), L('build', r[variant === 'full' ? 'full' : variant], (t) => pythonFiles(t, r, arch), pythonFill(r, arch)));
  return finish(b, L);
}

function pyTags(r: Release, suffix: string, aliases: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const out: string[] = [];
  for (const v of [r.version, `${maj}.${min}`, ...aliases]) out.push(suffix ? `${v}-${suffix}` : v);
  return out;
}

export const python = repository({
  name: 'python',
  description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.',
  stars: 10_132,
  groups: [
    tags(['latest', 'bookworm', ...pyTags(P313, '', ['3']), ...pyTags(P313, 'bookworm', ['3'])], (a) => buildPython(P313, 'full', a)),
    tags(['slim', 'slim-bookworm', ...pyTags(P313, 'slim', ['3']), ...pyTags(P313, 'slim-bookworm', ['3'])], (a) => buildPython(P313, 'slim', a)),
    tags(['alpine', 'alpine3.22', ...pyTags(P313, 'alpine', ['3']), ...pyTags(P313, 'alpine3.22', ['3'])], (a) => buildPython(P313, 'alpine', a)),
    tags([...pyTags(P312, '', []), ...pyTags(P312, 'bookworm', [])], (a) => buildPython(P312, 'full', a)),
    tags([...pyTags(P312, 'slim', []), ...pyTags(P312, 'slim-bookworm', [])], (a) => buildPython(P312, 'slim', a)),
    tags([...pyTags(P312, 'alpine', []), ...pyTags(P312, 'alpine3.22', [])], (a) => buildPython(P312, 'alpine', a)),
  ],
});
