// Oracle Linux 9 slim (library/oraclelinux:9-slim), the base of the mysql images.

import { ImageBuilder } from '../build';
import { Tree } from '../fs';
import { writeUserDb, type UserDb } from '../users';
import { layer, perArch, type Arch, type ArchSizes, type ImageDef, type LayerDef } from '../model';
import { COREUTILS } from './debianfs';

export const ORACLELINUX = { version: '9.6', created: '2025-06-10T19:53:44Z' } as const;

const SIZES: ArchSizes = { amd64: [44_879_362, 113_874_944], arm64: [43_941_510, 123_826_176] };

const PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin
`;

const GROUP = `root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
users:x:100:
nobody:x:65534:
utmp:x:22:
utempter:x:35:
input:x:999:
kvm:x:36:
render:x:998:
`;

export const ORACLELINUX_USERS: UserDb = { style: 'debian', passwd: PASSWD, group: GROUP };

function entries(arch: Arch) {
  const t = new Tree(ORACLELINUX.created);
  const lib = '/usr/lib64';
  t.dirs('/', '/afs', '/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr');
  t.dir('/root', 0o550).dir('/tmp', 0o1777);
  t.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  t.dirs('/usr/bin', '/usr/sbin', '/usr/lib', lib, '/usr/libexec', '/usr/local', '/usr/local/bin', '/usr/local/sbin');
  t.dirs('/usr/share', '/var', '/var/cache', '/var/lib', '/var/lib/rpm', '/var/log', '/var/spool', '/etc/yum.repos.d');
  t.dir('/var/tmp', 0o1777).link('/var/run', '../run').link('/var/lock', '../run/lock');
  t.file('/etc/oracle-release', `Oracle Linux Server release ${ORACLELINUX.version}\n`);
  t.link('/etc/redhat-release', 'oracle-release').link('/etc/system-release', 'oracle-release');
  t.file(
    '/usr/lib/os-release',
    `NAME="Oracle Linux Server"\nVERSION="${ORACLELINUX.version}"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="${ORACLELINUX.version}"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server ${ORACLELINUX.version}"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:6:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n`,
  );
  t.link('/etc/os-release', '../usr/lib/os-release');
  writeUserDb(t, ORACLELINUX_USERS);
  t.file('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n');
  t.file('/etc/yum.repos.d/oracle-linux-ol9.repo', '[ol9_baseos_latest]\nname=Oracle Linux 9 BaseOS Latest ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/baseos/latest/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n');
  t.exe('/usr/bin/bash', 'bash', 1_389_064).link('/usr/bin/sh', 'bash');
  t.exe('/usr/bin/coreutils', 'coreutils', 1_261_952);
  for (const name of Object.keys(COREUTILS)) t.link(`/usr/bin/${name}`, 'coreutils');
  t.exe('/usr/bin/microdnf', 'microdnf', 98_312).exe('/usr/bin/rpm', 'rpm', 21_232);
  t.exe('/usr/bin/grep', 'grep', 170_024).exe('/usr/bin/sed', 'sed', 118_264).exe('/usr/bin/gawk', 'gawk', 715_432);
  t.link('/usr/bin/awk', 'gawk').exe('/usr/bin/tar', 'tar', 529_000).exe('/usr/bin/gzip', 'gzip', 95_016);
  t.exe('/usr/bin/find', 'findutils', 260_000).exe('/usr/bin/xargs', 'findutils', 68_000);
  t.exe('/usr/bin/getent', 'getent', 36_000).exe('/usr/sbin/ldconfig', 'ldconfig', 1_020_000);
  t.exe('/usr/sbin/useradd', 'shadow', 142_000).exe('/usr/sbin/groupadd', 'shadow', 80_000);
  t.lib(`${lib}/libc.so.6`, arch === 'arm64' ? 2_210_000 : 2_389_080, 0o755);
  t.lib(`${lib}/${arch === 'arm64' ? 'ld-linux-aarch64.so.1' : 'ld-linux-x86-64.so.2'}`, 857_000, 0o755);
  t.lib(`${lib}/libm.so.6`, 910_000).lib(`${lib}/libcrypto.so.3.2.2`, 4_720_000).lib(`${lib}/libssl.so.3.2.2`, 660_000);
  t.lib(`${lib}/libstdc++.so.6.0.29`, 2_150_000).lib(`${lib}/libsqlite3.so.0.8.6`, 1_290_000);
  t.lib(`${lib}/libsolv.so.1`, 820_000).lib(`${lib}/librpm.so.9.1.3`, 480_000).lib(`${lib}/libdnf.so.2`, 2_600_000);
  t.data('/var/lib/rpm/rpmdb.sqlite', 5_160_000);
  return t.done();
}

const layers = new Map<string, LayerDef>();

export function oraclelinuxLayer(arch: Arch): LayerDef {
  const key = `oraclelinux:9-slim-${ORACLELINUX.version}/${arch}`;
  let l = layers.get(key);
  if (!l) {
    l = layer({
      key,
      created: ORACLELINUX.created,
      sizes: SIZES[arch],
      entries: () => entries(arch),
      fill: ['/usr/lib64/libpython3.9.so.1.0', '/usr/share/locale/locale.alias', '/usr/lib/locale/locale-archive', '/usr/share/zoneinfo/posixrules'],
    });
    layers.set(key, l);
  }
  return l;
}

export const oraclelinuxImage = perArch(
  (arch: Arch): ImageDef =>
    ImageBuilder.scratch(arch)
      .at(ORACLELINUX.created)
      .version(ORACLELINUX.version)
      .add(`oraclelinux-9-slim-${arch === 'arm64' ? 'aarch64' : 'amd64'}-rootfs.tar.xz /`, oraclelinuxLayer(arch))
      .cmd(['/bin/bash'])
      .build(),
);
