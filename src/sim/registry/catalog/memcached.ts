// library/memcached, on debian:bookworm-slim and on alpine.

import { ALPINE_USERS, alpineImage } from './base/alpine';
import { DEBIAN_USERS, debianImage } from './base/debian';
import { ImageBuilder } from './build';
import { both, layerMaker, type LayerMaker } from './layers';
import { archNames, AUTO, repository, tags, type Arch, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

const VERSION = '1.6.38';
const EPOCH = '2025-05-30T18:54:14Z';
const SHA1 = '2d132faaf4d4ffa4c1b5f55b2f09056a0e9181dd';

const ENTRYPOINT = `#!/bin/sh
set -e

# an option as first argument (-m 64, --verbose, ...): run memcached with it
if [ "\${1#-}" != "$1" ]; then
	set -- memcached "$@"
fi

exec "$@"
`;

function common(b: ImageBuilder, L: LayerMaker, arch: Arch, build: string, sizes: { amd64: readonly [number, number]; arm64: readonly [number, number] }): ImageDef {
  return b
    .env({ MEMCACHED_VERSION: VERSION })
    .env({ MEMCACHED_URL: `https://memcached.org/files/memcached-${VERSION}.tar.gz` })
    .env({ MEMCACHED_SHA1: SHA1 })
    .run(build, L('build', sizes, (t) => t.exe('/usr/local/bin/memcached', 'memcached', arch === 'arm64' ? 1_104_280 : 1_175_512), ['/usr/local/share/memcached/.build']))
    .copy('docker-entrypoint.sh /usr/local/bin/', L('copy', both(384, AUTO), (t) => t.script('/usr/local/bin/docker-entrypoint.sh', ENTRYPOINT, 0o775)))
    .run('ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat', L('compat', both(121, AUTO), (t) => t.link('/entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh')))
    .entrypoint(['docker-entrypoint.sh'])
    .user('memcache')
    .expose('11211')
    .cmd(['memcached'])
    .build();
}

const BUILD = (deps: string, cleanup: string) =>
  `set -eux; \t\t${deps} \t\twget -O memcached.tar.gz "$MEMCACHED_URL"; \techo "$MEMCACHED_SHA1  memcached.tar.gz" | sha1sum -c -; \tmkdir -p /usr/src/memcached; \ttar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1; \trm memcached.tar.gz; \t\tcd /usr/src/memcached; \t\t./configure \t\t--build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \t\t--enable-extstore \t\t--enable-proxy \t\t--enable-sasl \t\t--enable-sasl-pwdb \t\t--enable-tls \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \t\tmake install; \t\tcd /; rm -rf /usr/src/memcached; \t\t${cleanup} \t\tmemcached -V`;

function debianMemcached(arch: Arch): ImageDef {
  const L = layerMaker(`memcached:${VERSION}-bookworm`, arch, EPOCH);
  const users = addUser(DEBIAN_USERS, { name: 'memcache', gid: 11211 }, { name: 'memcache', uid: 11211, gid: 11211, home: '/home/memcache', shell: '/bin/sh' });
  const triplet = archNames(arch).triplet;
  const b = ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
    .sourceDateEpoch(EPOCH)
    .version(VERSION)
    .run('set -eux; \tgroupadd --system --gid 11211 memcache; \tuseradd --system --gid memcache --uid 11211 memcache', L('useradd', both(1_090, AUTO), (t) => writeUserDb(t, users)))
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibsasl2-modules \t; \trm -rf /var/lib/apt/lists/*',
      L('sasl', { amd64: [451_120, 1_392_640], arm64: [443_318, 1_429_504] }, undefined, [`/usr/lib/${triplet}/sasl2/libplain.so.2.0.25`, `/usr/lib/${triplet}/libsasl2.so.2.0.25`]),
    );
  return common(
    b,
    L,
    arch,
    BUILD(
      'savedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibevent-dev \t\tlibio-socket-ssl-perl \t\tlibsasl2-dev \t\tlibssl-dev \t\tmake \t\tperl \t\twget \t; \trm -rf /var/lib/apt/lists/*;',
      "apt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false;",
    ),
    { amd64: [1_902_310, 5_111_808], arm64: [1_851_005, 5_177_344] },
  );
}

function alpineMemcached(arch: Arch): ImageDef {
  const L = layerMaker(`memcached:${VERSION}-alpine`, arch, EPOCH);
  const users = addUser(ALPINE_USERS, { name: 'memcache', gid: 11211 }, { name: 'memcache', uid: 11211, gid: 11211, gecos: 'Linux User,,,', home: '/home/memcache', shell: '/bin/sh' });
  const b = ImageBuilder.from(alpineImage('3.22', arch), 'alpine:3.22')
    .sourceDateEpoch(EPOCH)
    .version(VERSION)
    .run(
      'set -eux; \taddgroup -g 11211 memcache; \tadduser -D -u 11211 -G memcache memcache',
      L('adduser', both(1_262, AUTO), (t) => {
        writeUserDb(t, users);
        t.dir('/home/memcache', 0o2755, { uid: 11211, gid: 11211 });
      }),
    )
    .run('apk add --no-cache libsasl', L('sasl', { amd64: [214_905, 522_240], arm64: [226_311, 563_200] }, undefined, ['/usr/lib/libsasl2.so.3.0.0', '/usr/lib/sasl2/libplain.so.3.0.0']));
  return common(
    b,
    L,
    arch,
    BUILD(
      'apk add --no-cache --virtual .build-deps \t\tca-certificates \t\tcoreutils \t\tcyrus-sasl-dev \t\tdpkg-dev dpkg \t\tgcc \t\tlibc-dev \t\tlibevent-dev \t\tlinux-headers \t\tmake \t\topenssl \t\topenssl-dev \t\tperl \t\tperl-io-socket-ssl \t\tperl-utils \t;',
      "runDeps=\"$( \t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \t\t\t| tr ',' '\\n' \t\t\t| sort -u \t\t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \t)\"; \tapk add --no-network --virtual .memcached-rundeps $runDeps; \tapk del --no-network .build-deps;",
    ),
    { amd64: [1_752_817, 4_823_040], arm64: [1_768_104, 4_870_144] },
  );
}

export const memcached = repository({
  name: 'memcached',
  description: 'Free & open source, high-performance, distributed memory object caching system.',
  stars: 2_394,
  groups: [
    tags(['latest', '1', '1.6', VERSION, 'bookworm', '1-bookworm', '1.6-bookworm', `${VERSION}-bookworm`], debianMemcached),
    tags(['alpine', '1-alpine', '1.6-alpine', `${VERSION}-alpine`, 'alpine3.22', '1-alpine3.22', '1.6-alpine3.22', `${VERSION}-alpine3.22`], alpineMemcached),
  ],
});
