// library/registry: the CNCF distribution registry, 3.0 and 2.8, on alpine.

import { alpineImage } from './base/alpine';
import { ImageBuilder } from './build';
import { both, layerMaker } from './layers';
import { AUTO, repository, standInSha256, tags, type Arch, type ArchSizes, type ImageDef } from './model';

export const REGISTRY_CONFIG_V3 = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
  tag:
    concurrencylimit: 8
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

export const REGISTRY_CONFIG_V2 = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

const ENTRYPOINT = `#!/bin/sh
set -e

# a configuration file or a registry subcommand as first argument: run registry
case "$1" in
	*.yaml|*.yml) set -- registry serve "$@" ;;
	serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

interface Release {
  version: string;
  epoch: string;
  configDir: string;
  config: string;
  binary: ArchSizes;
}

const V3: Release = {
  version: '3.0.0',
  epoch: '2025-04-07T18:09:27Z',
  configDir: '/etc/distribution',
  config: REGISTRY_CONFIG_V3,
  binary: { amd64: [17_903_312, 47_194_112], arm64: [16_482_097, 44_728_320] },
};

const V2: Release = {
  version: '2.8.3',
  epoch: '2025-02-14T19:48:03Z',
  configDir: '/etc/docker/registry',
  config: REGISTRY_CONFIG_V2,
  binary: { amd64: [6_304_518, 16_900_096], arm64: [5_817_240, 15_966_208] },
};

function build(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`registry:${r.version}`, arch, r.epoch);
  const goarch = arch === 'arm64' ? 'arm64' : 'amd64';
  const config = `${r.configDir}/config.yml`;
  return ImageBuilder.from(alpineImage('3.21', arch), 'alpine:3.21')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run('apk add --no-cache ca-certificates', L('ca', { amd64: [290_372, 698_368], arm64: [290_401, 698_368] }, (t) => t.data('/etc/ssl/certs/ca-certificates.crt', 221_834), ['/usr/share/ca-certificates/mozilla/bundle.crt']))
    .run(
      `set -eux; \tversion='${r.version}'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64)  arch='amd64';   sha256='${standInSha256(`registry_${r.version}_linux_amd64.tar.gz`)}' ;; \t\taarch64) arch='arm64';   sha256='${standInSha256(`registry_${r.version}_linux_arm64.tar.gz`)}' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; \tesac; \twget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v\${version}/registry_\${version}_linux_\${arch}.tar.gz"; \techo "$sha256 *registry.tar.gz" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version`,
      L('binary', r.binary, (t) => t.exe('/bin/registry', 'registry', r.binary[arch][1] - (goarch === 'arm64' ? 0 : 0))),
    )
    .copy(`./config-example.yml ${config}`, L('config', both(296, AUTO), (t) => t.dir(r.configDir).file(config, r.config)))
    .volume('/var/lib/registry')
    .expose('5000')
    .copy('docker-entrypoint.sh /entrypoint.sh', L('entrypoint', both(391, AUTO), (t) => t.script('/entrypoint.sh', ENTRYPOINT, 0o755)))
    .entrypoint(['/entrypoint.sh'])
    .cmd([config])
    .build();
}

export const registry = repository({
  name: 'registry',
  description: 'Distribution implementation for storing and distributing of container images and artifacts',
  stars: 4_312,
  groups: [
    tags(['latest', '3', '3.0', '3.0.0'], (a) => build(V3, a)),
    tags(['2', '2.8', '2.8.3'], (a) => build(V2, a)),
  ],
});
