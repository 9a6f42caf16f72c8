// library/httpd: Apache HTTP Server 2.4, on debian:bookworm-slim and on alpine.

import { ALPINE_USERS, alpineImage } from './base/alpine';
import { debianImage } from './base/debian';
import { DEFAULT_PATH, ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { archNames, AUTO, EMPTY, repository, tags, type Arch, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

const VERSION = '2.4.63';
const SHA256 = '88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab';
const PREFIX = '/usr/local/apache2';

export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';

const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# a PID file left by a previous run would keep httpd from starting
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

/** The main configuration as the image ships it (logs to the container's stdout/stderr). */
export const HTTPD_CONF = `#
# Main configuration of the Apache HTTP Server (abridged).
# See <URL:http://httpd.apache.org/docs/2.4/> for every directive.
#
ServerRoot "/usr/local/apache2"

Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authn_file_module modules/mod_authn_file.so
LoadModule authn_core_module modules/mod_authn_core.so
LoadModule authz_host_module modules/mod_authz_host.so
LoadModule authz_groupfile_module modules/mod_authz_groupfile.so
LoadModule authz_user_module modules/mod_authz_user.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule access_compat_module modules/mod_access_compat.so
LoadModule auth_basic_module modules/mod_auth_basic.so
LoadModule reqtimeout_module modules/mod_reqtimeout.so
LoadModule filter_module modules/mod_filter.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule env_module modules/mod_env.so
LoadModule headers_module modules/mod_headers.so
LoadModule setenvif_module modules/mod_setenvif.so
LoadModule version_module modules/mod_version.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule status_module modules/mod_status.so
LoadModule autoindex_module modules/mod_autoindex.so
LoadModule dir_module modules/mod_dir.so
LoadModule alias_module modules/mod_alias.so

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

ErrorLog /proc/self/fd/2
LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule alias_module>
    ScriptAlias /cgi-bin/ "/usr/local/apache2/cgi-bin/"
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>

<IfModule ssl_module>
SSLRandomSeed startup builtin
SSLRandomSeed connect builtin
</IfModule>
`;

const MODULES: Record<string, number> = {
  mod_mpm_event: 125_512,
  mod_mpm_prefork: 60_112,
  mod_mpm_worker: 101_896,
  mod_authn_file: 17_848,
  mod_authn_core: 26_056,
  mod_authz_host: 22_000,
  mod_authz_core: 46_536,
  mod_access_compat: 22_096,
  mod_auth_basic: 26_192,
  mod_reqtimeout: 30_472,
  mod_filter: 30_304,
  mod_mime: 38_776,
  mod_log_config: 42_952,
  mod_env: 17_952,
  mod_headers: 42_912,
  mod_setenvif: 26_192,
  mod_version: 17_976,
  mod_unixd: 30_176,
  mod_status: 38_920,
  mod_autoindex: 59_632,
  mod_dir: 26_152,
  mod_alias: 34_488,
  mod_rewrite: 100_880,
  mod_proxy: 166_432,
  mod_proxy_http: 75_352,
  mod_ssl: 384_104,
  mod_http2: 315_744,
  mod_lua: 218_624,
  mod_cgid: 63_600,
};

function httpdFiles(t: Tree, arch: Arch): void {
  t.dirs(`${PREFIX}/bin`, `${PREFIX}/build`, `${PREFIX}/cgi-bin`, `${PREFIX}/conf`, `${PREFIX}/conf/extra`, `${PREFIX}/conf/original`);
  t.dirs(`${PREFIX}/error`, `${PREFIX}/htdocs`, `${PREFIX}/icons`, `${PREFIX}/include`, `${PREFIX}/logs`, `${PREFIX}/modules`);
  t.file(`${PREFIX}/htdocs/index.html`, HTTPD_INDEX_HTML);
  t.file(`${PREFIX}/conf/httpd.conf`, HTTPD_CONF).data(`${PREFIX}/conf/mime.types`, 61_118).data(`${PREFIX}/conf/magic`, 13_064);
  t.data(`${PREFIX}/conf/extra/httpd-ssl.conf`, 13_502).data(`${PREFIX}/conf/extra/httpd-vhosts.conf`, 1_536);
  t.data(`${PREFIX}/conf/original/httpd.conf`, 20_969);
  const size = arch === 'arm64' ? 1_090_016 : 1_163_904;
  t.exe(`${PREFIX}/bin/httpd`, 'httpd', size);
  t.script(`${PREFIX}/bin/apachectl`, '#!/bin/sh\n# control script for the Apache HTTP Server\nHTTPD=/usr/local/apache2/bin/httpd\ncase "$1" in\nstart|stop|restart|graceful|graceful-stop)\n    exec $HTTPD -k "$@"\n    ;;\nconfigtest)\n    exec $HTTPD -t\n    ;;\n*)\n    exec $HTTPD "$@"\n    ;;\nesac\n');
  for (const p of ['htpasswd', 'htdigest', 'htdbm', 'ab', 'rotatelogs', 'logresolve', 'httxt2dbm', 'htcacheclean', 'fcgistarter', 'checkgid']) {
    t.exe(`${PREFIX}/bin/${p}`, p === 'ab' ? 'ab' : 'httpd-tools', 40_000 + p.length * 1_000);
  }
  for (const [m, s] of Object.entries(MODULES)) t.lib(`${PREFIX}/modules/${m}.so`, s, 0o755);
}

function debianHttpd(arch: Arch): ImageDef {
  const epoch = '2025-01-24T00:31:17Z';
  const L = layerMaker(`httpd:${VERSION}-bookworm`, arch, epoch);
  const triplet = archNames(arch).triplet;
  const mkdir = L('mkdir', both(146, 0), (t) => t.dir(PREFIX, 0o755, { uid: 33, gid: 33 }));
  const apt = L(
    'apt',
    { amd64: [4_201_309, 10_486_272], arm64: [4_013_224, 10_747_904] },
    (t) => {
      t.lib(`/usr/lib/${triplet}/libapr-1.so.0.7.2`, 215_424).lib(`/usr/lib/${triplet}/libaprutil-1.so.0.6.3`, 169_336);
      t.lib(`/usr/lib/${triplet}/libldap-2.5.so.0.1.11`, 354_264).lib(`/usr/lib/${triplet}/libssl.so.3`, 695_040);
      t.lib(`/usr/lib/${triplet}/libcrypto.so.3`, 4_709_608).data('/etc/ssl/certs/ca-certificates.crt', 219_342);
    },
    [`/usr/lib/${triplet}/libsasl2.so.2.0.25`, '/usr/share/ca-certificates/mozilla/bundle.crt'],
  );
  const build = L(
    'build',
    { amd64: [26_059_547, 62_697_472], arm64: [25_274_408, 61_120_512] },
    (t) => httpdFiles(t, arch),
    [`${PREFIX}/icons/apache_pb.svg`, `${PREFIX}/error/HTTP_NOT_FOUND.html.var`, `/usr/lib/${triplet}/liblua5.2.so.0.0.0`, `/usr/lib/${triplet}/libxml2.so.2.9.14`, `/usr/lib/${triplet}/libicudata.so.72.1`, `/usr/lib/${triplet}/libcurl.so.4.8.0`],
  );
  const copy = L('copy', both(292, AUTO), (t) => t.script('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND, 0o775));
  return ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
    .sourceDateEpoch(epoch)
    .version(VERSION)
    .env({ HTTPD_PREFIX: PREFIX })
    .env({ PATH: `${PREFIX}/bin:${DEFAULT_PATH}` })
    .run('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"', mkdir)
    .workdir(PREFIX, EMPTY)
    .run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*', apt)
    .env({ HTTPD_VERSION: VERSION })
    .env({ HTTPD_SHA256: SHA256 })
    .env({ HTTPD_PATCHES: '' })
    .run(
      'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\twget -O httpd.tar.bz2 "https://dlcdn.apache.org/httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v',
      build,
    )
    .stopSignal('SIGWINCH')
    .copy('httpd-foreground /usr/local/bin/', copy)
    .expose('80')
    .cmd(['httpd-foreground'])
    .build();
}

function alpineHttpd(arch: Arch): ImageDef {
  const epoch = '2025-05-30T20:51:53Z';
  const L = layerMaker(`httpd:${VERSION}-alpine`, arch, epoch);
  const users = addUser(ALPINE_USERS, null, { name: 'www-data', uid: 82, gid: 82, gecos: 'Linux User,,,', home: '/home/www-data', shell: '/sbin/nologin' });
  const adduser = L('adduser', both(1_264, AUTO), (t) => writeUserDb(t, users));
  const mkdir = L('mkdir', both(147, 0), (t) => t.dir(PREFIX, 0o755, { uid: 82, gid: 82 }));
  const apk = L(
    'apk',
    { amd64: [12_351_877, 38_103_040], arm64: [12_486_318, 38_920_192] },
    (t) => {
      t.exe('/usr/bin/perl', 'perl', 12_584).lib('/usr/lib/libperl.so', 2_003_456);
      t.lib('/usr/lib/libapr-1.so.0.7.6', 178_440).lib('/usr/lib/libaprutil-1.so.0.6.3', 141_672);
    },
    ['/usr/share/perl5/core_perl/unicore/Name.pm', '/usr/lib/perl5/core_perl/auto/Encode/JP/JP.so', '/usr/lib/perl5/core_perl/auto/POSIX/POSIX.so'],
  );
  const build = L(
    'build',
    { amd64: [6_208_511, 16_019_456], arm64: [6_115_020, 16_502_784] },
    (t) => httpdFiles(t, arch),
    [`${PREFIX}/icons/apache_pb.svg`, `${PREFIX}/error/HTTP_NOT_FOUND.html.var`, '/usr/lib/liblua-5.4.so.0.0.0'],
  );
  const copy = L('copy', both(291, AUTO), (t) => t.script('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND, 0o775));
  return ImageBuilder.from(alpineImage('3.22', arch), 'alpine:3.22')
    .sourceDateEpoch(epoch)
    .version(VERSION)
    .run('set -x \t&& adduser -u 82 -D -S -G www-data www-data', adduser)
    .env({ HTTPD_PREFIX: PREFIX })
    .env({ PATH: `${PREFIX}/bin:${DEFAULT_PATH}` })
    .run('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"', mkdir)
    .workdir(PREFIX, EMPTY)
    .run('set -eux; \tapk add --no-cache \t\tapr \t\tapr-util \t\tapr-util-ldap \t\tca-certificates \t\tperl \t;', apk)
    .env({ HTTPD_VERSION: VERSION })
    .env({ HTTPD_SHA256: SHA256 })
    .env({ HTTPD_PATCHES: '' })
    .run(
      'set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tapr-dev \t\tapr-util-dev \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tgnupg \t\tlibc-dev \t\tcurl-dev \t\tjansson-dev \t\tlibxml2-dev \t\tlua-dev \t\tmake \t\tnghttp2-dev \t\topenssl \t\topenssl-dev \t\tpcre-dev \t\ttar \t\tzlib-dev \t\tbrotli-dev \t; \t\twget -O httpd.tar.bz2 "https://dlcdn.apache.org/httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t./configure \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t; \t\tapk del --no-network .build-deps; \t\thttpd -v',
      build,
    )
    .stopSignal('SIGWINCH')
    .copy('httpd-foreground /usr/local/bin/', copy)
    .expose('80')
    .cmd(['httpd-foreground'])
    .build();
}

export const httpd = repository({
  name: 'httpd',
  description: 'The Apache HTTP Server Project',
  stars: 4_934,
  groups: [
    tags(['latest', '2', '2.4', VERSION, 'bookworm', '2-bookworm', '2.4-bookworm', `${VERSION}-bookworm`], debianHttpd),
    tags(['alpine', '2-alpine', '2.4-alpine', `${VERSION}-alpine`, 'alpine3.22', '2-alpine3.22', '2.4-alpine3.22', `${VERSION}-alpine3.22`], alpineHttpd),
  ],
});
