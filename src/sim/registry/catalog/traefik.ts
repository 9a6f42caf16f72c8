// library/traefik: Traefik Proxy v3.4 and v2.11, on alpine.

import { alpineImage } from './base/alpine';
import { ImageBuilder } from './build';
import { both, layerMaker } from './layers';
import { AUTO, repository, tags, type Arch, type ArchSizes, type ImageDef } from './model';

const ENTRYPOINT = `#!/bin/sh
set -e

# an option as first argument: run traefik with it
if [ "\${1#-}" != "$1" ]; then
    set -- traefik "$@"
fi

# a traefik subcommand as first argument: run it through traefik
if traefik "$1" --help >/dev/null 2>&1; then
    set -- traefik "$@"
else
    echo "= '$1' is not a Traefik command: assuming shell execution." 1>&2
fi

exec "$@"
`;

interface Release {
  version: string;
  codename: string;
  epoch: string;
  binary: ArchSizes;
}

const V34: Release = { version: '3.4.3', codename: 'chaource', epoch: '2025-06-26T16:52:41Z', binary: { amd64: [53_617_225, 212_979_896], arm64: [48_902_613, 198_705_336] } };
const V211: Release = { version: '2.11.26', codename: 'mimolette', epoch: '2025-06-26T16:52:41Z', binary: { amd64: [44_190_337, 175_349_944], arm64: [40_311_820, 163_872_952] } };

function build(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`traefik:v${r.version}`, arch, r.epoch);
  return ImageBuilder.from(alpineImage('3.21', arch), 'alpine:3.21')
    .sourceDateEpoch(r.epoch)
    .version(`v${r.version}`)
    .run('apk --no-cache add ca-certificates tzdata', L('apk', { amd64: [821_005, 1_916_928], arm64: [821_133, 1_916_928] }, (t) => t.data('/etc/ssl/certs/ca-certificates.crt', 221_834), ['/usr/share/zoneinfo/tzdata.zi', '/usr/share/zoneinfo/Europe/Paris']))
    .run(
      `set -ex; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tarmhf) arch='armv6' ;; \t\taarch64) arch='arm64' ;; \t\tx86_64) arch='amd64' ;; \t\triscv64) arch='riscv64' ;; \t\ts390x) arch='s390x' ;; \t\tppc64le) arch='ppc64le' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; \tesac; \twget --quiet -O /tmp/traefik.tar.gz "https://github.com/traefik/traefik/releases/download/v${r.version}/traefik_v${r.version}_linux_$arch.tar.gz"; \ttar xzvf /tmp/traefik.tar.gz -C /usr/local/bin traefik; \trm -f /tmp/traefik.tar.gz; \tchmod +x /usr/local/bin/traefik`,
      L('binary', r.binary, (t) => t.exe('/usr/local/bin/traefik', 'traefik', r.binary[arch][1])),
    )
    .copy('entrypoint.sh /', L('entrypoint', both(584, AUTO), (t) => t.script('/entrypoint.sh', ENTRYPOINT, 0o755)))
    .expose('80')
    .entrypoint(['/entrypoint.sh'])
    .cmd(['traefik'])
    .label({
      'org.opencontainers.image.vendor': 'Traefik Labs',
      'org.opencontainers.image.url': 'https://traefik.io',
      'org.opencontainers.image.source': 'https://github.com/traefik/traefik',
      'org.opencontainers.image.title': 'Traefik',
      'org.opencontainers.image.description': 'A modern reverse-proxy',
      'org.opencontainers.image.version': `v${r.version}`,
      'org.opencontainers.image.documentation': 'https://docs.traefik.io',
    })
    .build();
}

function trTags(r: Release, extra: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const out = [...extra, r.codename];
  for (const v of [r.version, `${maj}.${min}`, maj!]) out.push(`v${v}`, v);
  return out;
}

export const traefik = repository({
  name: 'traefik',
  description: 'Traefik, The Cloud Native Edge Router',
  stars: 3_421,
  groups: [tags(trTags(V34, ['latest']), (a) => build(V34, a)), tags(trTags(V211, []), (a) => build(V211, a))],
});
