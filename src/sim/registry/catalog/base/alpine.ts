// Alpine Linux minirootfs images (library/alpine) and their single layer, which every
// *-alpine variant of the other official images builds on.

import { ImageBuilder } from '../build';
import { Tree, words } from '../fs';
import { writeUserDb, type UserDb } from '../users';
import { archNames, layer, perArch, type Arch, type ArchSizes, type ImageDef, type LayerDef } from '../model';

export type AlpineBranch = '3.22' | '3.21' | '3.20';

interface AlpineRelease {
  version: string;
  created: string;
  sizes: ArchSizes;
  busybox: string;
  apkTools: string;
}

export const ALPINE: Readonly<Record<AlpineBranch, AlpineRelease>> = {
  '3.22': {
    version: '3.22.0',
    created: '2025-05-30T16:20:41Z',
    sizes: { amd64: [3_796_846, 8_307_712], arm64: [4_128_944, 9_063_024] },
    busybox: '1.37.0-r18',
    apkTools: '2.14.9-r2',
  },
  '3.21': {
    version: '3.21.3',
    created: '2025-02-14T03:28:36Z',
    sizes: { amd64: [3_642_247, 7_834_624], arm64: [3_993_185, 8_520_096] },
    busybox: '1.37.0-r12',
    apkTools: '2.14.6-r3',
  },
  '3.20': {
    version: '3.20.6',
    created: '2025-02-14T03:28:36Z',
    sizes: { amd64: [3_626_917, 7_800_832], arm64: [4_090_334, 8_833_584] },
    busybox: '1.36.1-r31',
    apkTools: '2.14.4-r1',
  },
};

const BIN_APPLETS = words(`arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg
  dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname
  ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod
  mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd
  reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount
  uname usleep watch zcat`);

const SBIN_APPLETS = words(`acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty
  halt hdparm hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute
  iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe
  nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon
  switch_root sysctl syslogd tunctl udhcpc vconfig watchdog`);

const USR_BIN_APPLETS = words(`[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear
  cmp comm cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor
  fallocate find flock fold free fuser getfattr groups hd head hexdump hostid id install ipcrm ipcs
  killall last less logger lsof lsusb lzcat lzma md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup
  nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice
  reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split
  strings sum tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize
  udhcpc6 unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime uudecode uuencode vi vlock volname
  wc wget which who whoami whois xargs xxd xzcat yes`);

const USR_SBIN_APPLETS = words(`addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake
  fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead readprofile
  remove-shell sendmail setfont setlogcons`);

export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

export const ALPINE_USERS: UserDb = { style: 'alpine', passwd: ALPINE_PASSWD, group: ALPINE_GROUP };

const PROFILE = `# /etc/profile: login shell setup

export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export PAGER=less
umask 022

# a prompt showing user, host and directory
PS1='\\h:\\w\\$ '

for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
`;

const MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;

function alpineEntries(branch: AlpineBranch, arch: Arch) {
  const rel = ALPINE[branch];
  const an = archNames(arch);
  const t = new Tree(rel.created);
  t.dirs('/', '/bin', '/dev', '/etc', '/etc/apk', '/etc/apk/keys', '/etc/apk/protected_paths.d', '/etc/busybox-paths.d');
  t.dirs('/etc/crontabs', '/etc/logrotate.d', '/etc/modprobe.d', '/etc/modules-load.d', '/etc/network');
  t.dirs('/etc/network/if-down.d', '/etc/network/if-post-down.d', '/etc/network/if-pre-up.d', '/etc/network/if-up.d');
  t.dirs('/etc/opt', '/etc/periodic', '/etc/periodic/15min', '/etc/periodic/daily', '/etc/periodic/hourly');
  t.dirs('/etc/periodic/monthly', '/etc/periodic/weekly', '/etc/profile.d', '/etc/secfixes.d', '/etc/ssl');
  t.dirs('/etc/ssl/certs', '/etc/ssl/misc', '/etc/sysctl.d', '/etc/udhcpc', '/home', '/lib', '/lib/apk');
  t.dirs('/lib/apk/db', '/lib/apk/exec', '/lib/firmware', '/lib/modules-load.d', '/lib/sysctl.d', '/media');
  t.dirs('/media/cdrom', '/media/floppy', '/media/usb', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys');
  t.dir('/etc/ssl/private', 0o700).dir('/root', 0o700).dir('/tmp', 0o1777);
  t.dirs('/usr', '/usr/bin', '/usr/lib', '/usr/lib/engines-3', '/usr/lib/ossl-modules', '/usr/local');
  t.dirs('/usr/local/bin', '/usr/local/lib', '/usr/local/share', '/usr/sbin', '/usr/share', '/usr/share/apk');
  t.dirs('/usr/share/apk/keys', '/usr/share/man', '/usr/share/misc', '/usr/share/udhcpc', '/var', '/var/cache');
  t.dirs('/var/cache/apk', '/var/cache/misc', '/var/lib', '/var/lib/misc', '/var/lib/udhcpd', '/var/local');
  t.dirs('/var/log', '/var/mail', '/var/opt', '/var/spool', '/var/spool/cron');
  t.dir('/var/empty', 0o555).dir('/var/tmp', 0o1777);
  t.link('/var/lock', '../run/lock').link('/var/run', '../run').link('/var/spool/cron/crontabs', '../../../etc/crontabs');

  // identity of the release
  t.file('/etc/alpine-release', `${rel.version}\n`);
  t.file(
    '/usr/lib/os-release',
    `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${rel.version}\nPRETTY_NAME="Alpine Linux v${branch}"\n` +
      `HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  );
  t.link('/etc/os-release', '../usr/lib/os-release');
  t.file('/etc/issue', `Welcome to Alpine Linux ${branch}\nKernel \\r on \\m (\\l)\n\n`);
  t.file('/etc/motd', MOTD);

  // users and login
  writeUserDb(t, ALPINE_USERS);
  t.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  t.file('/etc/profile', PROFILE);
  t.file('/etc/profile.d/locale.sh', 'export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n');
  t.file('/etc/profile.d/color_prompt.sh.disabled', "# rename this file to color_prompt.sh to get a colored prompt\nPS1='\\033[1;32m\\h:\\w\\$\\033[0m '\n");
  t.file('/etc/securetty', 'console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\nttyS0\nhvc0\n');
  t.file('/etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n');
  t.file('/etc/nsswitch.conf', '# musl reads no NSS modules; some DNS tools consult this file.\nhosts: files dns\n');
  t.file('/etc/inittab', '::sysinit:/sbin/openrc sysinit\n::wait:/sbin/openrc default\ntty1::respawn:/sbin/getty 38400 tty1\n::shutdown:/sbin/openrc shutdown\n');
  t.file('/etc/sysctl.conf', '# content of this file will override /etc/sysctl.d/*\n');
  t.file('/etc/crontabs/root', '# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n', 0o600);
  t.data('/etc/services', 14_464).data('/etc/protocols', 3_144);

  // apk
  t.file('/etc/apk/arch', `${an.uname}\n`);
  t.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${branch}/community\n`);
  t.file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\nlibcrypto3\nlibssl3\nmusl\nmusl-utils\nscanelf\nssl_client\nzlib\n');
  t.data('/lib/apk/db/installed', 37_950).data('/lib/apk/db/scripts.tar', 11_264).file('/lib/apk/db/triggers', '');
  t.exe('/sbin/apk', 'apk', 71_112);
  t.lib(`/lib/libapk.so.${rel.apkTools.split('-')[0]}`, 131_208);

  // busybox and its applets
  t.exe('/bin/busybox', 'busybox', arch === 'arm64' ? 886_504 : 808_712);
  t.links('/bin', '/bin/busybox', BIN_APPLETS);
  t.links('/sbin', '/bin/busybox', SBIN_APPLETS);
  t.links('/usr/bin', '/bin/busybox', USR_BIN_APPLETS);
  t.links('/usr/sbin', '/bin/busybox', USR_SBIN_APPLETS);
  t.file('/etc/busybox-paths.d/busybox', [...BIN_APPLETS.map((a) => `bin/${a}`), ...SBIN_APPLETS.map((a) => `sbin/${a}`)].join('\n') + '\n');

  // musl, libc utilities, libraries
  t.lib(`/lib/${an.muslLd}`, arch === 'arm64' ? 720_584 : 661_224, 0o755);
  t.link(`/lib/libc.musl-${an.uname}.so.1`, an.muslLd);
  t.link('/usr/bin/ldd', `/lib/${an.muslLd}`);
  t.script('/sbin/ldconfig', '#!/bin/sh\n# musl needs no cache: report the library directories and exit\nscan_dirs() {\n\tfor d in /lib /usr/lib /usr/local/lib; do echo "$d"; done\n}\n[ "$1" = "-p" ] && scan_dirs\nexit 0\n');
  t.exe('/usr/bin/getconf', 'getconf', 34_816).exe('/usr/bin/getent', 'getent', 47_944).exe('/usr/bin/iconv', 'iconv', 22_112);
  t.exe('/usr/bin/scanelf', 'scanelf', 79_192).exe('/usr/bin/ssl_client', 'ssl_client', 14_336);
  t.lib('/usr/lib/libz.so.1.3.1', 100_312, 0o755).link('/usr/lib/libz.so.1', 'libz.so.1.3.1');
  t.lib('/usr/lib/libcrypto.so.3', arch === 'arm64' ? 4_719_320 : 4_648_904, 0o755);
  t.lib('/usr/lib/libssl.so.3', arch === 'arm64' ? 780_072 : 719_896, 0o755);
  t.lib('/usr/lib/engines-3/afalg.so', 18_160, 0o755).lib('/usr/lib/engines-3/capi.so', 14_064, 0o755);
  t.lib('/usr/lib/engines-3/loader_attic.so', 30_536, 0o755).lib('/usr/lib/engines-3/padlock.so', 14_064, 0o755);
  t.data('/etc/ssl/certs/ca-certificates.crt', 221_834).link('/etc/ssl/cert.pem', 'certs/ca-certificates.crt');
  t.data('/etc/ssl/openssl.cnf', 12_411).data('/etc/ssl/ct_log_list.cnf', 412);
  t.data('/usr/share/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 800);
  t.data('/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 800);
  t.file('/usr/share/udhcpc/default.script', '#!/bin/sh\n# udhcpc lease hook (interface setup is done by the container runtime here)\nexit 0\n', 0o755);
  return t.done();
}

const alpineLayers = new Map<string, LayerDef>();

/** The minirootfs layer of an Alpine release for one architecture (shared by all images on it). */
export function alpineLayer(branch: AlpineBranch, arch: Arch): LayerDef {
  const key = `alpine:${ALPINE[branch].version}/${arch}`;
  let l = alpineLayers.get(key);
  if (!l) {
    const rel = ALPINE[branch];
    l = layer({
      key,
      created: rel.created,
      sizes: rel.sizes[arch],
      entries: () => alpineEntries(branch, arch),
      fill: ['/usr/lib/ossl-modules/legacy.so', '/lib/apk/db/scripts.tar.gz.cache'],
    });
    alpineLayers.set(key, l);
  }
  return l;
}

const alpineImages: Record<AlpineBranch, (arch: Arch) => ImageDef> = {
  '3.22': perArch((a) => buildAlpine('3.22', a)),
  '3.21': perArch((a) => buildAlpine('3.21', a)),
  '3.20': perArch((a) => buildAlpine('3.20', a)),
};

function buildAlpine(branch: AlpineBranch, arch: Arch): ImageDef {
  const rel = ALPINE[branch];
  return ImageBuilder.scratch(arch)
    .at(rel.created)
    .version(rel.version)
    .add(`alpine-minirootfs-${rel.version}-${archNames(arch).uname}.tar.gz /`, alpineLayer(branch, arch))
    .cmd(['/bin/sh'])
    .build();
}

/** library/alpine:<branch> for one architecture. */
export function alpineImage(branch: AlpineBranch, arch: Arch): ImageDef {
  return alpineImages[branch](arch);
}

export const ALPINE_BUSYBOX_APPLETS = { bin: BIN_APPLETS, sbin: SBIN_APPLETS, usrBin: USR_BIN_APPLETS, usrSbin: USR_SBIN_APPLETS };
