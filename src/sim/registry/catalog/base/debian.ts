// Debian images (library/debian) built by debuerreotype: one layer each, shared by every
// official image FROM debian:bookworm or debian:bookworm-slim.

import { DEFAULT_PATH, ImageBuilder } from '../build';
import { layer, perArch, type Arch, type ArchSizes, type ImageDef, type LayerDef } from '../model';
import { debianFill, debianLikeEntries } from './debianfs';
import type { UserDb } from '../users';

export const DEBIAN = {
  version: '12.11',
  serial: '20250610',
  /** SOURCE_DATE_EPOCH of the snapshot */
  epoch: 1749513600,
  created: '2025-06-10T00:00:00Z',
  debuerreotype: '0.15',
} as const;

const SIZES: Record<'bookworm' | 'bookworm-slim', ArchSizes> = {
  bookworm: { amd64: [48_494_532, 117_018_472], arm64: [48_315_209, 139_044_112] },
  'bookworm-slim': { amd64: [28_230_129, 74_792_448], arm64: [28_085_011, 97_187_584] },
};

export const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

export const DEBIAN_USERS: UserDb = { style: 'debian', passwd: DEBIAN_PASSWD, group: DEBIAN_GROUP };

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const SOURCES = `Types: deb
# http://snapshot.debian.org/archive/debian/${DEBIAN.serial}T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/${DEBIAN.serial}T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

export type DebianVariant = 'bookworm' | 'bookworm-slim';

const layers = new Map<string, LayerDef>();

/** The single layer of debian:<variant> for one architecture. */
export function debianLayer(variant: DebianVariant, arch: Arch): LayerDef {
  const key = `debian:${variant}-${DEBIAN.serial}/${arch}`;
  let l = layers.get(key);
  if (!l) {
    const full = variant === 'bookworm';
    l = layer({
      key,
      created: DEBIAN.created,
      sizes: SIZES[variant][arch],
      entries: () =>
        debianLikeEntries({
          arch,
          created: DEBIAN.created,
          osRelease: OS_RELEASE,
          debianVersion: `${DEBIAN.version}\n`,
          issue: 'Debian GNU/Linux 12 \\n \\l\n\n',
          passwd: DEBIAN_PASSWD,
          group: DEBIAN_GROUP,
          sources: { path: '/etc/apt/sources.list.d/debian.sources', content: SOURCES },
          full,
          extra: (t) => {
            t.dirs('/usr/share/keyrings').data('/usr/share/keyrings/debian-archive-keyring.gpg', 8_700);
          },
        }).done(),
      fill: debianFill(arch, full),
    });
    layers.set(key, l);
  }
  return l;
}

function build(variant: DebianVariant, arch: Arch): ImageDef {
  return ImageBuilder.rootfs(arch, { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ['bash'] })
    .at(DEBIAN.created)
    .version(DEBIAN.version)
    .step(`# debian.sh --arch '${arch}' out/ 'bookworm' '@${DEBIAN.epoch}'`, {
      layer: debianLayer(variant, arch),
      comment: `debuerreotype ${DEBIAN.debuerreotype}`,
    })
    .build();
}

const images = {
  bookworm: perArch((a) => build('bookworm', a)),
  'bookworm-slim': perArch((a) => build('bookworm-slim', a)),
};

/** library/debian:<variant> for one architecture. */
export function debianImage(variant: DebianVariant, arch: Arch): ImageDef {
  return images[variant](arch);
}
