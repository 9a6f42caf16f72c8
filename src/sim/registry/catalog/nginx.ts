// library/nginx: mainline and stable, on debian:bookworm-slim and on alpine.

import { alpineImage, ALPINE_USERS, ALPINE, type AlpineBranch } from './base/alpine';
import { DEBIAN_USERS, debianImage } from './base/debian';
import { ImageBuilder } from './build';
import type { Tree } from './fs';
import { layerMaker } from './layers';
import { archNames, AUTO, repository, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_ENTRYPOINT = `#!/bin/sh
# Entrypoint of the nginx image: when the command is nginx, run the configuration
# snippets found in /docker-entrypoint.d/ first; then exec the command.
set -e

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

case "$1" in
nginx|nginx-debug)
    snippets=$(find /docker-entrypoint.d/ -follow -type f -print | sort -V)
    if [ -z "$snippets" ]; then
        log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    else
        log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
        log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        for f in $snippets; do
            case "$f" in
            *.envsh)
                if [ -x "$f" ]; then
                    log "$0: Sourcing $f"
                    . "$f"
                else
                    log "$0: Ignoring $f, not executable"
                fi
                ;;
            *.sh)
                if [ -x "$f" ]; then
                    log "$0: Launching $f"
                    "$f"
                else
                    log "$0: Ignoring $f, not executable"
                fi
                ;;
            *)
                log "$0: Ignoring $f"
                ;;
            esac
        done
        log "$0: Configuration complete; ready for start up"
    fi
    ;;
esac

exec "$@"
`;

const LISTEN_IPV6 = `#!/bin/sh
# Make the default server listen on IPv6 too, unless its file was changed
# from the packaged one or IPv6 is unavailable.
set -e

ME=$(basename "$0")
CONF=/etc/nginx/conf.d/default.conf

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

if [ ! -f /proc/net/if_inet6 ]; then
    log "$ME: info: ipv6 not available"
    exit 0
fi
if [ ! -f "$CONF" ]; then
    log "$ME: info: $CONF is not a file or does not exist"
    exit 0
fi
if ! touch "$CONF" 2>/dev/null; then
    log "$ME: info: can not modify $CONF (read-only file system?)"
    exit 0
fi

log "$ME: info: Getting the checksum of $CONF"
if grep -q 'listen  \\[::\\]:80;' "$CONF"; then
    log "$ME: info: $CONF already listens on IPv6, exiting"
    exit 0
fi

sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' "$CONF"
log "$ME: info: Enabled listen on IPv6 in $CONF"
exit 0
`;

const LOCAL_RESOLVERS = `#!/bin/sh
# Sourced by the entrypoint: with NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, export
# NGINX_LOCAL_RESOLVERS with the nameservers of /etc/resolv.conf (for templates).
set -eu

[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=" "} $1=="nameserver" {print $2}' /etc/resolv.conf)
NGINX_LOCAL_RESOLVERS="\${NGINX_LOCAL_RESOLVERS% }"
export NGINX_LOCAL_RESOLVERS
`;

const ENVSUBST = `#!/bin/sh
# Render /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with envsubst,
# substituting only variables that are defined in the environment.
set -e

ME=$(basename "$0")
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
    log "$ME: ERROR: $template_dir exists, but $output_dir is not writable"
    exit 0
fi

defined_envs=$(printf '\${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /\${filter:-.*}/ ) ? name : \\"\\" } }" < /dev/null))
find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative_path="\${template#"$template_dir/"}"
    output_path="$output_dir/\${relative_path%"$suffix"}"
    mkdir -p "$(dirname "$output_path")"
    log "$ME: Running envsubst on $template to $output_path"
    envsubst "$defined_envs" < "$template" > "$output_path"
done
`;

const TUNE_WORKERS = `#!/bin/sh
# With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, size worker_processes to
# the CPUs the container may use (its cgroup quota) instead of "auto".
set -eu

ME=$(basename "$0")

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0

ncpu=$(nproc)
if [ -r /sys/fs/cgroup/cpu.max ]; then
    read -r quota period < /sys/fs/cgroup/cpu.max
    if [ "$quota" != "max" ]; then
        ncpu=$(( (quota + period - 1) / period ))
    fi
fi

if grep -q -E '^\\s*worker_processes\\s+auto;' /etc/nginx/nginx.conf; then
    sed -i -E "s/^(\\s*worker_processes\\s+)auto;/\\1$ncpu;/" /etc/nginx/nginx.conf
    log "$ME: info: worker_processes set to $ncpu"
else
    log "$ME: info: worker_processes is already set in nginx.conf"
fi
`;

const MAINTAINER = 'NGINX Docker Maintainers <docker-maint@nginx.com>';

interface Release {
  version: string;
  njs: string;
  channel: 'mainline' | 'stable';
  epoch: string;
  debianRun: ArchSizes;
  alpineBranch: AlpineBranch;
  alpineRun: ArchSizes;
  alpineModules: ArchSizes;
}

const RELEASES: Record<'mainline' | 'stable', Release> = {
  mainline: {
    version: '1.29.0',
    njs: '0.9.0',
    channel: 'mainline',
    epoch: '2025-06-24T20:52:14Z',
    debianRun: { amd64: [43_969_761, 117_337_088], arm64: [41_234_567, 101_879_808] },
    alpineBranch: '3.22',
    alpineRun: { amd64: [1_797_532, 5_613_568], arm64: [1_884_021, 6_017_024] },
    alpineModules: { amd64: [15_540_105, 38_590_464], arm64: [15_310_774, 40_108_032] },
  },
  stable: {
    version: '1.28.0',
    njs: '0.9.0',
    channel: 'stable',
    epoch: '2025-04-23T22:43:06Z',
    debianRun: { amd64: [43_942_318, 117_239_808], arm64: [41_210_092, 101_801_984] },
    alpineBranch: '3.21',
    alpineRun: { amd64: [1_792_004, 5_599_232], arm64: [1_878_330, 6_004_736] },
    alpineModules: { amd64: [15_480_611, 38_420_480], arm64: [15_254_190, 39_956_480] },
  },
};

/** Files the nginx package installs (both distributions). */
function nginxFiles(t: Tree, arch: Arch): void {
  t.dirs('/etc/nginx', '/etc/nginx/conf.d', '/usr/lib/nginx', '/usr/lib/nginx/modules', '/usr/share/nginx', '/usr/share/nginx/html');
  t.dirs('/var/cache/nginx', '/var/log/nginx', '/docker-entrypoint.d');
  t.file('/etc/nginx/nginx.conf', NGINX_CONF.slice(1));
  t.file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
  t.data('/etc/nginx/mime.types', 5_349).data('/etc/nginx/fastcgi_params', 1_007).data('/etc/nginx/scgi_params', 636);
  t.data('/etc/nginx/uwsgi_params', 664);
  t.link('/etc/nginx/modules', '../../usr/lib/nginx/modules');
  t.file('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML).file('/usr/share/nginx/html/50x.html', NGINX_50X_HTML);
  const size = arch === 'arm64' ? 1_372_976 : 1_484_128;
  t.exe('/usr/sbin/nginx', 'nginx', size).exe('/usr/sbin/nginx-debug', 'nginx', size + 208_512);
  t.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
}

function moduleFiles(t: Tree): void {
  for (const [m, size] of [
    ['ngx_http_geoip_module.so', 24_224],
    ['ngx_http_image_filter_module.so', 28_440],
    ['ngx_http_js_module.so', 1_824_512],
    ['ngx_http_xslt_filter_module.so', 28_440],
    ['ngx_stream_geoip_module.so', 19_968],
    ['ngx_stream_js_module.so', 1_775_360],
  ] as const) {
    t.lib(`/usr/lib/nginx/modules/${m}`, size);
  }
}

function copies(L: ReturnType<typeof layerMaker>) {
  return {
    entrypoint: L('copy-entrypoint', { amd64: [627, AUTO], arm64: [627, AUTO] }, (t) => t.script('/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o775)),
    ipv6: L('copy-10', { amd64: [954, AUTO], arm64: [954, AUTO] }, (t) =>
      t.dir('/docker-entrypoint.d').script('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', LISTEN_IPV6, 0o775),
    ),
    resolvers: L('copy-15', { amd64: [405, AUTO], arm64: [405, AUTO] }, (t) =>
      t.dir('/docker-entrypoint.d').script('/docker-entrypoint.d/15-local-resolvers.envsh', LOCAL_RESOLVERS, 0o775),
    ),
    envsubst: L('copy-20', { amd64: [1_210, AUTO], arm64: [1_210, AUTO] }, (t) =>
      t.dir('/docker-entrypoint.d').script('/docker-entrypoint.d/20-envsubst-on-templates.sh', ENVSUBST, 0o775),
    ),
    tune: L('copy-30', { amd64: [1_398, AUTO], arm64: [1_398, AUTO] }, (t) =>
      t.dir('/docker-entrypoint.d').script('/docker-entrypoint.d/30-tune-worker-processes.sh', TUNE_WORKERS, 0o775),
    ),
  };
}

function finish(b: ImageBuilder, L: ReturnType<typeof layerMaker>): ImageBuilder {
  const c = copies(L);
  return b
    .copy('docker-entrypoint.sh /', c.entrypoint)
    .copy('10-listen-on-ipv6-by-default.sh /docker-entrypoint.d', c.ipv6)
    .copy('15-local-resolvers.envsh /docker-entrypoint.d', c.resolvers)
    .copy('20-envsubst-on-templates.sh /docker-entrypoint.d', c.envsubst)
    .copy('30-tune-worker-processes.sh /docker-entrypoint.d', c.tune)
    .entrypoint(['/docker-entrypoint.sh'])
    .expose('80')
    .stopSignal('SIGQUIT')
    .cmd(['nginx', '-g', 'daemon off;']);
}

function debianNginx(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`nginx:${r.version}-bookworm`, arch, r.epoch);
  const triplet = archNames(arch).triplet;
  const users = addUser(DEBIAN_USERS, { name: 'nginx', gid: 101 }, { name: 'nginx', uid: 101, gid: 101, gecos: 'nginx user', home: '/nonexistent', shell: '/bin/false' });
  const run = L(
    'run',
    r.debianRun,
    (t) => {
      writeUserDb(t, users);
      nginxFiles(t, arch);
      moduleFiles(t);
      t.dirs('/etc/apt/keyrings').data('/etc/apt/keyrings/nginx-archive-keyring.gpg', 4_458);
      t.exe('/usr/bin/envsubst', 'envsubst', 35_032).exe('/usr/bin/curl', 'curl', 268_200);
      t.lib(`/usr/lib/${triplet}/libcurl.so.4.8.0`, 707_760).link(`/usr/lib/${triplet}/libcurl.so.4`, 'libcurl.so.4.8.0');
      t.lib(`/usr/lib/${triplet}/libssl.so.3`, 695_040).lib(`/usr/lib/${triplet}/libcrypto.so.3`, 4_709_608);
      t.data('/etc/ssl/certs/ca-certificates.crt', 219_342);
    },
    [
      `/usr/lib/${triplet}/libgd.so.3.0.11`,
      `/usr/lib/${triplet}/libxml2.so.2.9.14`,
      `/usr/lib/${triplet}/libicudata.so.72.1`,
      `/usr/lib/${triplet}/libavif.so.15.0.1`,
      `/usr/lib/${triplet}/libx265.so.199`,
      `/usr/lib/${triplet}/libaom.so.3.6.0`,
      `/usr/lib/${triplet}/libdav1d.so.6.6.0`,
      '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      '/var/lib/dpkg/status-old',
    ],
  );
  const b = ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .label({ maintainer: MAINTAINER })
    .env({ NGINX_VERSION: r.version })
    .env({ NJS_VERSION: r.njs })
    .env({ NJS_RELEASE: '1~bookworm' })
    .env({ PKG_RELEASE: '1~bookworm' })
    .env({ DYNPKG_RELEASE: '1~bookworm' })
    .run(
      `set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     gpg1 --batch --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=\${NGINX_VERSION}-\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}+\${NJS_VERSION}-\${NJS_RELEASE}     "     && echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/${r.channel}/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`,
      run,
    );
  return finish(b, L).build();
}

function alpineNginx(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`nginx:${r.version}-alpine`, arch, r.epoch);
  const users = addUser(ALPINE_USERS, { name: 'nginx', gid: 101 }, { name: 'nginx', uid: 101, gid: 101, gecos: 'nginx', home: '/var/cache/nginx', shell: '/sbin/nologin' });
  const run = L(
    'run',
    r.alpineRun,
    (t) => {
      writeUserDb(t, users);
      nginxFiles(t, arch);
      t.lib('/usr/lib/libpcre2-8.so.0.14.0', 641_024).link('/usr/lib/libpcre2-8.so.0', 'libpcre2-8.so.0.14.0');
      t.exe('/usr/bin/envsubst', 'envsubst', 30_744).exe('/usr/bin/tzselect', 'tzselect', 19_000);
    },
    ['/usr/share/zoneinfo/tzdata.zi', '/usr/lib/libintl.so.8'],
  );
  const modules = L(
    'run-modules',
    r.alpineModules,
    (t) => {
      t.dirs('/usr/lib/nginx', '/usr/lib/nginx/modules');
      moduleFiles(t);
      t.exe('/usr/bin/curl', 'curl', 259_112).lib('/usr/lib/libcurl.so.4.8.0', 688_000).link('/usr/lib/libcurl.so.4', 'libcurl.so.4.8.0');
    },
    ['/usr/lib/libxml2.so.2.13.8', '/usr/lib/libgd.so.3.0.11', '/usr/lib/libavif.so.16.0.3', '/usr/lib/libaom.so.3.12.1', '/usr/lib/libdav1d.so.7.0.0', '/usr/lib/libicudata.so.76.1'],
  );
  const alpineVersion = ALPINE[r.alpineBranch].version;
  const b = ImageBuilder.from(alpineImage(r.alpineBranch, arch), `alpine:${r.alpineBranch}`)
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .label({ maintainer: MAINTAINER })
    .env({ NGINX_VERSION: r.version })
    .env({ PKG_RELEASE: '1' })
    .env({ DYNPKG_RELEASE: '1' })
    .run(
      `set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/             && apk add -X "https://nginx.org/packages/${r.channel}/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac    && apk del --no-network .checksum-deps     && if [ -f "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache gettext-envsubst     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`,
      run,
    );
  finish(b, L)
    .env({ NJS_VERSION: r.njs })
    .env({ NJS_RELEASE: '1' })
    .run(
      `set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}.\${NJS_VERSION}-r\${NJS_RELEASE}     "     && apk add -X "https://nginx.org/packages/${r.channel}/alpine/v${alpineVersion.split('.').slice(0, 2).join('.')}/main" --no-cache $nginxPackages     && apk add --no-cache curl ca-certificates`,
      modules,
    );
  return b.build();
}

const mainline = RELEASES.mainline;
const stable = RELEASES.stable;

function tagSet(version: string, aliases: string[], suffix: string): string[] {
  const [maj, min] = version.split('.');
  const out: string[] = [];
  for (const v of [version, `${maj}.${min}`, ...aliases]) out.push(suffix ? `${v}-${suffix}` : v);
  return out;
}

export const nginx = repository({
  name: 'nginx',
  description: 'Official build of Nginx.',
  stars: 20_912,
  groups: [
    tags(
      ['latest', ...tagSet(mainline.version, ['1', 'mainline'], ''), 'bookworm', ...tagSet(mainline.version, ['1', 'mainline'], 'bookworm')],
      (a) => debianNginx(mainline, a),
    ),
    tags(
      [
        'alpine',
        ...tagSet(mainline.version, ['1', 'mainline'], 'alpine'),
        `alpine${mainline.alpineBranch}`,
        ...tagSet(mainline.version, ['1', 'mainline'], `alpine${mainline.alpineBranch}`),
      ],
      (a) => alpineNginx(mainline, a),
    ),
    tags(['stable', ...tagSet(stable.version, [], ''), 'stable-bookworm', ...tagSet(stable.version, [], 'bookworm')], (a) => debianNginx(stable, a)),
    tags(
      ['stable-alpine', ...tagSet(stable.version, [], 'alpine'), `stable-alpine${stable.alpineBranch}`, ...tagSet(stable.version, [], `alpine${stable.alpineBranch}`)],
      (a) => alpineNginx(stable, a),
    ),
  ],
});
