// library/redis: Redis 8.0 (with its modules) and 7.4, on debian:bookworm-slim and on alpine.

import { ALPINE_USERS, alpineImage, type AlpineBranch } from './base/alpine';
import { DEBIAN_USERS, debianImage } from './base/debian';
import { ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { archNames, AUTO, EMPTY, repository, standInSha256, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

function entrypoint(dropPrivileges: string): string {
  return `#!/bin/sh
set -e

# an option or a .conf file as first argument: run redis-server with them
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# started as root: give the data directory to redis, then drop privileges
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec ${dropPrivileges} "$0" "$@"
fi

# files redis creates are private to it unless a umask was set
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;
}

interface Release {
  version: string;
  epoch: string;
  url: string;
  sha: string;
  /** Redis 8 images drop privileges with setpriv; 7.x with gosu */
  gosu: boolean;
  modules: boolean;
  debianBuild: ArchSizes;
  alpineBranch: AlpineBranch;
  alpineBuild: ArchSizes;
}

const R8: Release = {
  version: '8.0.2',
  epoch: '2025-05-29T16:02:07Z',
  url: 'https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz',
  sha: 'caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f',
  gosu: false,
  modules: true,
  debianBuild: { amd64: [21_270_547, 63_148_032], arm64: [20_110_484, 60_512_256] },
  alpineBranch: '3.21',
  alpineBuild: { amd64: [19_404_116, 57_344_000], arm64: [18_802_337, 56_074_240] },
};

const R74: Release = {
  version: '7.4.4',
  epoch: '2025-05-27T21:10:51Z',
  url: 'http://download.redis.io/releases/redis-7.4.4.tar.gz',
  sha: standInSha256('redis-7.4.4.tar.gz'),
  gosu: true,
  modules: false,
  debianBuild: { amd64: [9_118_402, 38_031_360], arm64: [8_953_112, 37_498_880] },
  alpineBranch: '3.21',
  alpineBuild: { amd64: [9_872_006, 31_551_488], arm64: [9_698_442, 31_723_520] },
};

function redisFiles(t: Tree, r: Release, arch: Arch, musl: boolean): void {
  const s = arch === 'arm64' ? 0.94 : 1;
  t.dirs('/usr/local/bin');
  t.exe('/usr/local/bin/redis-server', 'redis-server', Math.round((r.modules ? 18_120_496 : 15_602_104) * s));
  t.exe('/usr/local/bin/redis-cli', 'redis-cli', Math.round(7_512_472 * s));
  t.exe('/usr/local/bin/redis-benchmark', 'redis-benchmark', Math.round(7_108_920 * s));
  for (const l of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel']) t.link(`/usr/local/bin/${l}`, 'redis-server');
  if (r.modules) {
    t.dirs('/usr/local/lib/redis', '/usr/local/lib/redis/modules');
    t.lib('/usr/local/lib/redis/modules/redisearch.so', Math.round(14_330_112 * s), 0o755);
    t.lib('/usr/local/lib/redis/modules/rejson.so', Math.round(4_917_248 * s), 0o755);
    t.lib('/usr/local/lib/redis/modules/redisbloom.so', Math.round(1_871_872 * s), 0o755);
    t.lib('/usr/local/lib/redis/modules/redistimeseries.so', Math.round(2_703_360 * s), 0o755);
    t.file('/usr/local/etc/redis/redis-full.conf', 'loadmodule /usr/local/lib/redis/modules/redisearch.so\nloadmodule /usr/local/lib/redis/modules/rejson.so\nloadmodule /usr/local/lib/redis/modules/redisbloom.so\nloadmodule /usr/local/lib/redis/modules/redistimeseries.so\n');
  }
  if (!musl) t.lib(`/usr/lib/${archNames(arch).triplet}/libssl.so.3`, 695_040).lib(`/usr/lib/${archNames(arch).triplet}/libcrypto.so.3`, 4_709_608);
}

const GOSU =
  `set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true`;

function buildCommand(r: Release, alpine: boolean): string {
  const deps = alpine
    ? '\t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tlinux-headers \t\tmake \t\tmusl-dev \t\topenssl-dev \t\twget \t;'
    : '\t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tg++ \t\tlibc6-dev \t\tlibssl-dev \t\tmake; \trm -rf /var/lib/apt/lists/*;';
  const modules = r.modules ? ' \t\texport BUILD_WITH_MODULES=yes; \texport INSTALL_RUST_TOOLCHAIN=yes; \texport DISABLE_WERRORS=yes;' : '';
  const cleanup = alpine
    ? ' \t\tapk del --no-network .build-deps;'
    : " \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false;";
  return `set -eux; ${deps}${modules} \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\tserverMd5="$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5="$(md5sum "$1" | cut -d" " -f1)"; \t\t\ttest "$md5" = "$serverMd5"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\tmake -C /usr/src/redis distclean; \trm -r /usr/src/redis;${cleanup} \t\tredis-cli --version; \tredis-server --version`;
}

function debianRedis(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`redis:${r.version}-bookworm`, arch, r.epoch);
  const users = addUser(DEBIAN_USERS, { name: 'redis', gid: 999 }, { name: 'redis', uid: 999, gid: 999, home: '/home/redis', shell: '/bin/sh' });
  const triplet = archNames(arch).triplet;
  let b = ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis', L('useradd', both(1_102, AUTO), (t) => writeUserDb(t, users)))
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*',
      L('tzdata', both(874, AUTO), (t) => t.data('/var/log/apt/eipp.log.xz', 3_012).file('/var/lib/apt/extended_states', '')),
    );
  if (r.gosu) {
    b = b.env({ GOSU_VERSION: '1.17' }).run(GOSU, L('gosu', { amd64: [1_227_417, 2_392_064], arm64: [1_143_282, 2_293_760] }, (t) => t.exe('/usr/local/bin/gosu', 'gosu', arch === 'arm64' ? 2_293_760 : 2_392_064)));
    b = b.env({ REDIS_VERSION: r.version });
  }
  b = b
    .env({ REDIS_DOWNLOAD_URL: r.url })
    .env({ REDIS_DOWNLOAD_SHA: r.sha })
    .run(buildCommand(r, false), L('build', r.debianBuild, (t) => redisFiles(t, r, arch, false), [`/usr/lib/${triplet}/libgomp.so.1.0.0`, '/usr/local/lib/redis/.build-info']));
  return finish(b, L, r, false);
}

function alpineRedis(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`redis:${r.version}-alpine`, arch, r.epoch);
  const users = addUser(ALPINE_USERS, { name: 'redis', gid: 1000 }, { name: 'redis', uid: 999, gid: 1000, gecos: 'Linux User,,,', home: '/home/redis', shell: '/sbin/nologin' });
  let b = ImageBuilder.from(alpineImage(r.alpineBranch, arch), `alpine:${r.alpineBranch}`)
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run('set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis', L('adduser', both(1_276, AUTO), (t) => writeUserDb(t, users)));
  if (r.gosu) {
    b = b
      .run('apk add --no-cache \t\t\'su-exec>=0.2\' \t\ttzdata', L('apk', { amd64: [425_210, 1_421_312], arm64: [433_519, 1_482_752] }, (t) => t.exe('/sbin/su-exec', 'su-exec', 10_256), ['/usr/share/zoneinfo/tzdata.zi']))
      .env({ REDIS_VERSION: r.version });
  } else {
    b = b.run('set -eux; \tapk add --no-cache \t\tsetpriv \t\ttzdata \t;', L('apk', { amd64: [440_118, 1_474_560], arm64: [451_937, 1_536_000] }, (t) => t.exe('/usr/bin/setpriv', 'setpriv', 43_544), ['/usr/share/zoneinfo/tzdata.zi']));
  }
  b = b
    .env({ REDIS_DOWNLOAD_URL: r.url })
    .env({ REDIS_DOWNLOAD_SHA: r.sha })
    .run(buildCommand(r, true), L('build', r.alpineBuild, (t) => redisFiles(t, r, arch, true), ['/usr/lib/libgomp.so.1.3.0', '/usr/local/lib/redis/.build-info']));
  return finish(b, L, r, true);
}

function finish(b: ImageBuilder, L: ReturnType<typeof layerMaker>, r: Release, alpine: boolean): ImageDef {
  const drop = !r.gosu ? 'setpriv --reuid=redis --regid=redis --clear-groups --' : alpine ? 'su-exec redis' : 'gosu redis';
  return b
    .run('mkdir /data && chown redis:redis /data', L('mkdir', both(95, 0), (t) => t.dir('/data', 0o755, { uid: 999, gid: 999 })))
    .volume('/data')
    .workdir('/data', EMPTY)
    .copy('docker-entrypoint.sh /usr/local/bin/', L('copy', both(2_113, AUTO), (t) => t.script('/usr/local/bin/docker-entrypoint.sh', entrypoint(drop), 0o775)))
    .entrypoint(['docker-entrypoint.sh'])
    .expose('6379')
    .cmd(['redis-server'])
    .build();
}

function v(r: Release, suffixes: string[], extra: string[] = []): string[] {
  const [maj, min] = r.version.split('.');
  const bases = [r.version, `${maj}.${min}`, maj!];
  const out = [...extra];
  for (const s of suffixes) for (const base of bases) out.push(s ? `${base}-${s}` : base);
  return out;
}

export const redis = repository({
  name: 'redis',
  description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.',
  stars: 13_142,
  groups: [
    tags(v(R8, ['', 'bookworm'], ['latest', 'bookworm']), (a) => debianRedis(R8, a)),
    tags(v(R8, ['alpine', `alpine${R8.alpineBranch}`], ['alpine', `alpine${R8.alpineBranch}`]), (a) => alpineRedis(R8, a)),
    tags(v(R74, ['', 'bookworm']), (a) => debianRedis(R74, a)),
    tags(v(R74, ['alpine', `alpine${R74.alpineBranch}`]), (a) => alpineRedis(R74, a)),
  ],
});
