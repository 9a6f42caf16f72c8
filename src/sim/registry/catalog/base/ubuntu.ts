// Ubuntu images (library/ubuntu): Canonical's root filesystems, added with the classic builder
// (history in `/bin/sh -c #(nop) ...` form). mongo builds on them.

import { sha256Digest } from '../../digest';
import { DEFAULT_PATH, ImageBuilder } from '../build';
import { layer, perArch, type Arch, type ArchSizes, type ImageDef, type LayerDef } from '../model';
import { DEBIAN_GROUP, DEBIAN_PASSWD } from './debian';
import { debianFill, debianLikeEntries } from './debianfs';

export type UbuntuRelease = 'noble' | 'jammy' | 'plucky';

interface Release {
  version: string;
  /** os-release VERSION */
  full: string;
  name: string;
  serial: string;
  created: string;
  debianVersion: string;
  sizes: ArchSizes;
  ubuntuUser: boolean;
}

export const UBUNTU: Readonly<Record<UbuntuRelease, Release>> = {
  noble: {
    version: '24.04',
    full: '24.04.2 LTS',
    name: 'Noble Numbat',
    serial: '20250529',
    created: '2025-05-29T17:54:09.812Z',
    debianVersion: 'trixie/sid',
    sizes: { amd64: [29_723_147, 78_118_912], arm64: [28_861_712, 101_025_792] },
    ubuntuUser: true,
  },
  jammy: {
    version: '22.04',
    full: '22.04.5 LTS',
    name: 'Jammy Jellyfish',
    serial: '20250530',
    created: '2025-05-30T12:55:26.472Z',
    debianVersion: 'bookworm/sid',
    sizes: { amd64: [29_536_872, 77_862_912], arm64: [27_360_913, 69_212_160] },
    ubuntuUser: false,
  },
  plucky: {
    version: '25.04',
    full: '25.04',
    name: 'Plucky Puffin',
    serial: '20250521',
    created: '2025-05-21T09:04:47.139Z',
    debianVersion: 'trixie/sid',
    sizes: { amd64: [29_604_431, 79_004_160], arm64: [28_702_356, 98_027_520] },
    ubuntuUser: true,
  },
};

function osRelease(r: Release, codename: UbuntuRelease): string {
  return `PRETTY_NAME="Ubuntu ${r.full}"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.full} (${r.name})"
VERSION_CODENAME=${codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${codename}
LOGO=ubuntu-logo
`;
}

function passwd(r: Release): string {
  return r.ubuntuUser ? DEBIAN_PASSWD + 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n' : DEBIAN_PASSWD;
}

function group(r: Release): string {
  return r.ubuntuUser ? DEBIAN_GROUP + 'ubuntu:x:1000:\n' : DEBIAN_GROUP;
}

const UNMINIMIZE = `#!/bin/sh
# This system has been minimized by removing packages and content that are
# not required on a system that users do not log into.
set -e
echo "This system has been minimized by removing packages and content that are"
echo "not required on a system that users do not log into."
echo
echo "To restore this content, including manpages, you can run the 'unminimize'"
echo "command. You will still need to ensure the 'man-db' package is installed."
echo
echo "This would reinstall the documentation removed from this image; it needs network access."
exit 1
`;

const layers = new Map<string, LayerDef>();

export function ubuntuLayer(rel: UbuntuRelease, arch: Arch): LayerDef {
  const r = UBUNTU[rel];
  const key = `ubuntu:${rel}-${r.serial}/${arch}`;
  let l = layers.get(key);
  if (!l) {
    l = layer({
      key,
      created: r.created,
      sizes: r.sizes[arch],
      entries: () =>
        debianLikeEntries({
          arch,
          created: r.created,
          osRelease: osRelease(r, rel),
          debianVersion: `${r.debianVersion}\n`,
          issue: `Ubuntu ${r.full} \\n \\l\n\n`,
          passwd: passwd(r),
          group: group(r),
          sources: {
            path: '/etc/apt/sources.list.d/ubuntu.sources',
            content: `Types: deb\nURIs: http://${arch === 'arm64' ? 'ports.ubuntu.com/ubuntu-ports' : 'archive.ubuntu.com/ubuntu'}/\nSuites: ${rel} ${rel}-updates ${rel}-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://${arch === 'arm64' ? 'ports.ubuntu.com/ubuntu-ports' : 'security.ubuntu.com/ubuntu'}/\nSuites: ${rel}-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n`,
          },
          full: false,
          extra: (t) => {
            t.file('/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.version}\nDISTRIB_CODENAME=${rel}\nDISTRIB_DESCRIPTION="Ubuntu ${r.full}"\n`);
            t.script('/usr/local/sbin/unminimize', UNMINIMIZE);
            t.dirs('/usr/share/keyrings').data('/usr/share/keyrings/ubuntu-archive-keyring.gpg', 3_412);
            if (r.ubuntuUser) {
              t.dir('/home/ubuntu', 0o750, { uid: 1000, gid: 1000 });
              t.file('/home/ubuntu/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', 0o644, { uid: 1000, gid: 1000 });
              t.file('/home/ubuntu/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n', 0o644, { uid: 1000, gid: 1000 });
            }
          },
        }).done(),
      fill: debianFill(arch, false),
    });
    layers.set(key, l);
  }
  return l;
}

function build(rel: UbuntuRelease, arch: Arch): ImageDef {
  const r = UBUNTU[rel];
  const nop = '/bin/sh -c #(nop) ';
  return ImageBuilder.classic(arch, '24.0.7')
    .at(r.created)
    .version(r.version)
    .step(`${nop} ARG RELEASE`)
    .step(`${nop} ARG LAUNCHPAD_BUILD_ARCH`)
    .step(`${nop} LABEL org.opencontainers.image.ref.name=ubuntu`)
    .step(`${nop} LABEL org.opencontainers.image.version=${r.version}`)
    .step(`${nop}ADD file:${sha256Digest(`ubuntu-base-${r.version}-${r.serial}-${arch}.tar.gz`).slice(7)} in / `, { layer: ubuntuLayer(rel, arch) })
    .step(`${nop} CMD ["/bin/bash"]`)
    .set({
      Env: [`PATH=${DEFAULT_PATH}`],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': r.version },
    })
    .build();
}

const images: Record<UbuntuRelease, (a: Arch) => ImageDef> = {
  noble: perArch((a) => build('noble', a)),
  jammy: perArch((a) => build('jammy', a)),
  plucky: perArch((a) => build('plucky', a)),
};

export function ubuntuImage(rel: UbuntuRelease, arch: Arch): ImageDef {
  return images[rel](arch);
}
