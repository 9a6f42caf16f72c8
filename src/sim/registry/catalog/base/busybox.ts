// BusyBox images (library/busybox): one static or glibc-linked busybox binary with its applets,
// the root filesystem built by the busybox image's own scripts (no Dockerfile history).

import { ImageBuilder } from '../build';
import { Tree, words } from '../fs';
import { archNames, layer, perArch, type Arch, type ArchSizes, type ImageDef, type LayerDef } from '../model';

export type BusyboxLibc = 'glibc' | 'musl' | 'uclibc';

export const BUSYBOX = { version: '1.37.0', created: '2024-09-26T21:31:42Z' } as const;

const SIZES: Record<BusyboxLibc, ArchSizes> = {
  glibc: { amd64: [2_152_262, 4_269_678], arm64: [1_951_330, 4_041_216] },
  musl: { amd64: [889_217, 1_456_432], arm64: [953_118, 1_521_656] },
  uclibc: { amd64: [1_071_243, 2_181_120], arm64: [1_013_527, 2_080_768] },
};

const HISTORY: Record<BusyboxLibc, string> = {
  glibc: `BusyBox ${BUSYBOX.version} (glibc), Debian 12`,
  musl: `BusyBox ${BUSYBOX.version} (musl)`,
  uclibc: `BusyBox ${BUSYBOX.version} (uclibc)`,
};

/** Applets the docker-library busybox build installs into /bin. */
export const BUSYBOX_APPLETS = words(`[ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping ascii ash awk
  base32 base64 basename bc beep blkdiscard blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat
  chattr chgrp chmod chown chpasswd chpst chroot chrt chvt cksum clear cmp comm conspy cp cpio crc32 crond
  crontab cryptpw cttyhack cut date dc dd deallocvt delgroup deluser depmod devmem df dhcprelay diff dirname
  dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed egrep eject env envdir
  envuidgid ether-wake expand expr factor fakeidentd fallocate false fatattr fbset fbsplash fdflush fdformat
  fdisk fgconsole fgrep find findfs flock fold free freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd
  ftpget ftpput fuser getfattr getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hexedit
  hostid hostname httpd hush hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown
  ifenslave ifplugd ifup inetd init insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh
  iproute iprule iptunnel kbd_mode kill killall killall5 klogd last less link linux32 linux64 linuxrc ln
  loadfont loadkmap logger login logname logread losetup lpd lpq lpr ls lsattr lsmod lsof lspci lsscsi
  lsusb lzcat lzma lzop makedevs makemime man md5sum mdev mesg microcom mim mkdir mkdosfs mke2fs mkfifo
  mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more mount mountpoint mpstat
  mt mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter nohup nologin nproc nsenter nslookup
  ntpd nuke od openvt partprobe passwd paste patch pgrep pidof ping ping6 pipe_progress pivot_root pkill
  pmap popmaildir poweroff powertop printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev
  readahead readlink readprofile realpath reboot reformime remove-shell renice reset resize resume rev rm
  rmdir rmmod route rpm rpm2cpio rtcwake run-init run-parts runlevel runsv runsvdir rx script scriptreplay
  sed seedrng sendmail seq setarch setconsole setfattr setfont setkeycodes setlogcons setpriv setserial
  setsid setuidgid sh sha1sum sha256sum sha3sum sha512sum showkey shred shuf slattach sleep smemcap
  softlimit sort split ssl_client start-stop-daemon stat strings stty su sulogin sum sv svc svlogd svok
  swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee telnet telnetd test
  tftp tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ttysize
  tunctl ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd
  udpsvd uevent umount uname unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime users usleep
  uudecode uuencode vconfig vi vlock volname w wall watch watchdog wc wget which who whoami whois xargs xxd
  xz xzcat yes zcat zcip`);

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
`;

const SHADOW = PASSWD.trim()
  .split('\n')
  .map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '*'}:10933:0:99999:7:::`)
  .join('\n') + '\n';

function entries(libc: BusyboxLibc, arch: Arch) {
  const an = archNames(arch);
  const t = new Tree(BUSYBOX.created);
  t.dirs('/', '/bin', '/dev', '/etc', '/etc/network', '/etc/network/if-down.d', '/etc/network/if-post-down.d');
  t.dirs('/etc/network/if-pre-up.d', '/etc/network/if-up.d', '/home', '/lib', '/usr', '/usr/sbin', '/var', '/var/spool');
  t.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/spool/mail', 0o755, { uid: 8, gid: 8 }).dir('/var/www', 0o755, { uid: 33, gid: 33 });
  t.file('/etc/passwd', PASSWD).file('/etc/group', GROUP).file('/etc/shadow', SHADOW, 0o640);
  t.file('/etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\npasswd:\t\tfiles\ngroup:\t\tfiles\nshadow:\t\tfiles\n');
  const bbSize = { glibc: 1_063_128, musl: 1_391_064, uclibc: 1_114_296 }[libc];
  t.exe('/bin/busybox', 'busybox', bbSize);
  t.links('/bin', 'busybox', BUSYBOX_APPLETS);
  if (libc === 'glibc') {
    t.lib(`/lib/${an.glibcLd}`, arch === 'arm64' ? 202_904 : 210_968, 0o755);
    t.lib('/lib/libc.so.6', arch === 'arm64' ? 1_651_472 : 1_922_136, 0o755);
    t.lib('/lib/libm.so.6', arch === 'arm64' ? 591_344 : 907_784);
    t.lib('/lib/libresolv.so.2', 68_104).lib('/lib/libnss_compat.so.2', 14_480).lib('/lib/libnss_dns.so.2', 14_480);
    t.lib('/lib/libnss_files.so.2', 14_480).lib('/lib/libpthread.so.0', 14_480);
    if (arch === 'amd64') t.link('/lib64', 'lib');
  }
  return t.done();
}

const layers = new Map<string, LayerDef>();

export function busyboxLayer(libc: BusyboxLibc, arch: Arch): LayerDef {
  const key = `busybox:${BUSYBOX.version}-${libc}/${arch}`;
  let l = layers.get(key);
  if (!l) {
    l = layer({
      key,
      created: BUSYBOX.created,
      sizes: SIZES[libc][arch],
      entries: () => entries(libc, arch),
      fill: libc === 'glibc' ? ['/lib/libnss_hesiod.so.2', '/lib/libanl.so.1'] : ['/etc/network/interfaces.d.keep'],
    });
    layers.set(key, l);
  }
  return l;
}

function build(libc: BusyboxLibc, arch: Arch): ImageDef {
  return ImageBuilder.rootfs(arch, { Cmd: ['sh'] })
    .at(BUSYBOX.created)
    .version(`${BUSYBOX.version}-${libc}`)
    .step(HISTORY[libc], { layer: busyboxLayer(libc, arch) })
    .build();
}

const images: Record<BusyboxLibc, (a: Arch) => ImageDef> = {
  glibc: perArch((a) => build('glibc', a)),
  musl: perArch((a) => build('musl', a)),
  uclibc: perArch((a) => build('uclibc', a)),
};

export function busyboxImage(libc: BusyboxLibc, arch: Arch): ImageDef {
  return images[libc](arch);
}
