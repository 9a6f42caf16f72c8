// library/node: Node.js 24 (current) and 22 (LTS "jod"): full images on buildpack-deps:bookworm,
// -slim on debian:bookworm-slim, -alpine on alpine.

import { ALPINE_USERS, alpineImage, type AlpineBranch } from './base/alpine';
import { buildpackImage } from './base/buildpack-deps';
import { DEBIAN_USERS, debianImage } from './base/debian';
import { ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker, type LayerMaker } from './layers';
import { AUTO, repository, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

const YARN_VERSION = '1.22.22';

export const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run node when the first argument is an option, or a script rather than a
# command on PATH: \`docker run node -e "..."\`, \`docker run node app.js\`.
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

interface Release {
  version: string;
  npm: string;
  epoch: string;
  full: ArchSizes;
  slim: ArchSizes;
  alpine: ArchSizes;
  alpineBranch: AlpineBranch;
}

const N24: Release = {
  version: '24.3.0',
  npm: '11.4.2',
  epoch: '2025-06-25T02:25:22Z',
  full: { amd64: [58_520_222, 189_284_352], arm64: [58_003_853, 191_692_800] },
  slim: { amd64: [50_617_103, 158_306_304], arm64: [50_380_926, 160_518_144] },
  alpine: { amd64: [52_129_884, 150_106_112], arm64: [51_802_217, 152_432_640] },
  alpineBranch: '3.22',
};

const N22: Release = {
  version: '22.17.0',
  npm: '10.9.2',
  epoch: '2025-06-24T23:41:19Z',
  full: { amd64: [56_118_009, 175_239_168], arm64: [55_804_316, 177_356_800] },
  slim: { amd64: [48_390_450, 145_063_936], arm64: [48_127_559, 147_030_016] },
  alpine: { amd64: [49_904_771, 138_280_960], arm64: [49_598_003, 140_509_184] },
  alpineBranch: '3.22',
};

const NODE_KEYS = 'C0D6248439F1D5604AAFFB4021D900FFDB233756     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     CC68F5A3106FF448322E48ED27F5E38D5B0A215F     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0';

function nodeFiles(t: Tree, r: Release, arch: Arch): void {
  t.dirs('/usr/local/bin', '/usr/local/lib/node_modules', '/usr/local/lib/node_modules/npm', '/usr/local/lib/node_modules/npm/bin');
  t.dirs('/usr/local/lib/node_modules/corepack', '/usr/local/lib/node_modules/corepack/dist', '/usr/local/include/node');
  const major = Number(r.version.split('.')[0]);
  t.exe('/usr/local/bin/node', 'node', (major >= 24 ? 121_884_312 : 116_340_600) - (arch === 'arm64' ? 2_400_000 : 0));
  t.link('/usr/local/bin/nodejs', '/usr/local/bin/node');
  t.script('/usr/local/lib/node_modules/npm/bin/npm-cli.js', "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n");
  t.script('/usr/local/lib/node_modules/npm/bin/npx-cli.js', "#!/usr/bin/env node\n\nconst cli = require('../lib/cli.js')\n\n// npx is npm exec with the arguments moved behind --\nprocess.argv[1] = require.resolve('./npm-cli.js')\nprocess.argv.splice(2, 0, 'exec')\ncli(process)\n");
  t.file('/usr/local/lib/node_modules/npm/package.json', `{\n  "version": "${r.npm}",\n  "name": "npm",\n  "description": "a package manager for JavaScript",\n  "bin": {\n    "npm": "bin/npm-cli.js",\n    "npx": "bin/npx-cli.js"\n  },\n  "license": "Artistic-2.0"\n}\n`);
  t.script('/usr/local/lib/node_modules/corepack/dist/corepack.js', "#!/usr/bin/env node\nprocess.env.COREPACK_ENABLE_DOWNLOAD_PROMPT ??= '1'\nrequire('./lib/corepack.cjs').runMain(process.argv.slice(2));\n");
  t.link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
  t.link('/usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js');
  t.data('/usr/local/include/node/node.h', 67_210).data('/usr/local/include/node/v8.h', 3_482);
}

const NODE_FILL = [
  '/usr/local/lib/node_modules/npm/node_modules/@npmcli/arborist/lib/arborist/reify.js',
  '/usr/local/lib/node_modules/npm/docs/output/commands/npm-install.html',
  '/usr/local/lib/node_modules/corepack/dist/lib/corepack.cjs',
  '/usr/local/include/node/openssl/archs/linux-x86_64/asm/include/openssl/opensslconf.h',
  '/usr/local/include/node/v8-internal.h',
  '/usr/local/share/doc/node/gdbinit',
];

function yarnFiles(t: Tree): void {
  const dir = `/opt/yarn-v${YARN_VERSION}`;
  t.dirs('/opt', dir, `${dir}/bin`, `${dir}/lib`);
  t.script(`${dir}/bin/yarn`, '#!/bin/sh\nargv0=$(echo "$0" | sed -e \'s,\\\\,/,g\')\nbasedir=$(dirname "$(readlink "$0" || echo "$argv0")")\nexec node "$basedir/yarn.js" "$@"\n');
  t.script(`${dir}/bin/yarn.js`, "#!/usr/bin/env node\n'use strict';\nrequire('../lib/cli').default().catch(() => process.exit(1));\n");
  t.link(`${dir}/bin/yarnpkg`, 'yarn');
  t.data(`${dir}/lib/cli.js`, 5_314_562).file(`${dir}/package.json`, `{\n  "name": "yarn",\n  "version": "${YARN_VERSION}"\n}\n`);
  t.link('/usr/local/bin/yarn', `${dir}/bin/yarn`).link('/usr/local/bin/yarnpkg', `${dir}/bin/yarnpkg`);
}

const DEBIAN_INSTALL = (slim: boolean) =>
  `${slim ? 'ARCH= OPENSSL_ARCH= ' : 'ARCH= '}&& dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in     amd64) ARCH='x64'${slim ? " OPENSSL_ARCH='linux-x86_64'" : ''};;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64'${slim ? " OPENSSL_ARCH='linux-aarch64'" : ''};;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo "unsupported architecture"; exit 1 ;;   esac${slim ? '     && set -ex     && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends     && rm -rf /var/lib/apt/lists/*' : ''}   && export GNUPGHOME="$(mktemp -d)"   && set -ex   && for key in     ${NODE_KEYS}   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt${slim ? "   && apt-mark auto '.*' > /dev/null   && apt-mark manual libatomic1   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false" : ''}   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/*`;

const YARN_INSTALL = (slim: boolean) =>
  `set -ex${slim ? "   && savedAptMark=\"$(apt-mark showmanual)\"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends   && rm -rf /var/lib/apt/lists/*" : ''}   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz${slim ? "   && apt-mark auto '.*' > /dev/null   && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; }   && find /usr/local -type f -executable -exec ldd '{}' ';'       | awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }'       | sort -u       | xargs -r dpkg-query --search       | cut -d: -f1       | sort -u       | xargs -r apt-mark manual   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false" : ''}   && yarn --version   && rm -rf /tmp/*`;

function finish(b: ImageBuilder, L: LayerMaker, yarnCmd: string): ImageDef {
  return b
    .env({ YARN_VERSION })
    .run(yarnCmd, L('yarn', { amd64: [1_250_672, 5_346_304], arm64: [1_250_675, 5_346_304] }, yarnFiles, ['/opt/yarn-v1.22.22/LICENSE']))
    .copy('docker-entrypoint.sh /usr/local/bin/', L('copy', both(449, AUTO), (t) => t.script('/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT, 0o755)))
    .entrypoint(['docker-entrypoint.sh'])
    .cmd(['node'])
    .build();
}

function debianNode(r: Release, arch: Arch, slim: boolean): ImageDef {
  const variant = slim ? 'bookworm-slim' : 'bookworm';
  const L = layerMaker(`node:${r.version}-${variant}`, arch, r.epoch);
  const users = addUser(DEBIAN_USERS, { name: 'node', gid: 1000 }, { name: 'node', uid: 1000, gid: 1000, home: '/home/node', shell: '/bin/bash' });
  const base = slim ? debianImage('bookworm-slim', arch) : buildpackImage('full', arch);
  const b = ImageBuilder.from(base, slim ? 'debian:bookworm-slim' : 'buildpack-deps:bookworm')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
      L('useradd', both(4_089, AUTO), (t) => {
        writeUserDb(t, users);
        t.dir('/home/node', 0o755, { uid: 1000, gid: 1000 });
        t.file('/home/node/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', 0o644, { uid: 1000, gid: 1000 });
        t.file('/home/node/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n', 0o644, { uid: 1000, gid: 1000 });
        t.file('/home/node/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n', 0o644, { uid: 1000, gid: 1000 });
      }),
    )
    .env({ NODE_VERSION: r.version })
    .run(DEBIAN_INSTALL(slim), L('node', slim ? r.slim : r.full, (t) => nodeFiles(t, r, arch), NODE_FILL));
  return finish(b, L, YARN_INSTALL(slim));
}

function alpineNode(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`node:${r.version}-alpine${r.alpineBranch}`, arch, r.epoch);
  const users = addUser(ALPINE_USERS, { name: 'node', gid: 1000 }, { name: 'node', uid: 1000, gid: 1000, gecos: 'Linux User,,,', home: '/home/node', shell: '/bin/sh' });
  const b = ImageBuilder.from(alpineImage(r.alpineBranch, arch), `alpine:${r.alpineBranch}`)
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .env({ NODE_VERSION: r.version })
    .run(
      'addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)"       && case "${alpineArch##*-}" in         x86_64) ARCH=\'x64\' OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n "${ARCH}" ]; then     set -eu;     curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz";     tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo "Building from source";     apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools;     export GNUPGHOME="$(mktemp -d)";     curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz";     tar -xf "node-v$NODE_VERSION.tar.xz"     && cd "node-v$NODE_VERSION"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf "node-v$NODE_VERSION"     && rm "node-v$NODE_VERSION.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name "$OPENSSL_ARCH" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/*',
      L('node', r.alpine, (t) => {
        writeUserDb(t, users);
        t.dir('/home/node', 0o2755, { uid: 1000, gid: 1000 });
        t.lib('/usr/lib/libstdc++.so.6.0.33', 2_661_448).link('/usr/lib/libstdc++.so.6', 'libstdc++.so.6.0.33');
        t.lib('/usr/lib/libgcc_s.so.1', 165_128);
        nodeFiles(t, r, arch);
      }, NODE_FILL),
    );
  return finish(
    b,
    L,
    'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*',
  );
}

function nodeTags(r: Release, suffix: string, aliases: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const out: string[] = [];
  for (const v of [r.version, `${maj}.${min}`, maj!, ...aliases]) out.push(suffix ? `${v}-${suffix}` : v);
  return out;
}

export const node = repository({
  name: 'node',
  description: 'Node.js is a JavaScript-based platform for server-side and networking applications.',
  stars: 13_921,
  groups: [
    tags(['latest', 'bookworm', ...nodeTags(N24, '', ['current']), ...nodeTags(N24, 'bookworm', ['current'])], (a) => debianNode(N24, a, false)),
    tags(['slim', 'bookworm-slim', ...nodeTags(N24, 'slim', ['current']), ...nodeTags(N24, 'bookworm-slim', ['current'])], (a) => debianNode(N24, a, true)),
    tags(['alpine', `alpine${N24.alpineBranch}`, ...nodeTags(N24, 'alpine', ['current']), ...nodeTags(N24, `alpine${N24.alpineBranch}`, ['current'])], (a) => alpineNode(N24, a)),
    tags([...nodeTags(N22, '', ['lts', 'jod', 'lts-jod']), ...nodeTags(N22, 'bookworm', ['lts', 'jod', 'lts-jod'])], (a) => debianNode(N22, a, false)),
    tags([...nodeTags(N22, 'slim', ['lts', 'jod', 'lts-jod']), ...nodeTags(N22, 'bookworm-slim', ['lts', 'jod', 'lts-jod'])], (a) => debianNode(N22, a, true)),
    tags([...nodeTags(N22, 'alpine', ['lts', 'jod', 'lts-jod']), ...nodeTags(N22, `alpine${N22.alpineBranch}`, ['lts', 'jod', 'lts-jod'])], (a) => alpineNode(N22, a)),
  ],
});
