// The root filesystem shared by Debian and Ubuntu images (merged /usr: /bin -> usr/bin), with
// the essential packages' programs (coreutils, bash, dash, grep, sed, findutils, tar, gzip,
// util-linux, dpkg, apt, perl-base) and libraries. Distribution-specific files come in
// through the options.

import { Tree, sizeTable } from '../fs';
import { writeUserDb } from '../users';
import { archNames, type Arch } from '../model';

export const COREUTILS = sizeTable(`[:47416 arch:39224 b2sum:55736 base32:39256 base64:39256 basename:35064
  basenc:51640 cat:43416 chcon:67768 chgrp:67768 chmod:63672 chown:72024 cksum:100728 comm:39224 cp:151352
  csplit:105208 cut:47480 date:108920 dd:76160 df:85008 dir:151344 dircolors:43416 dirname:35096 du:92024
  echo:35096 env:48320 expand:39224 expr:51576 factor:67768 false:31096 fmt:39224 fold:39224 groups:35128
  head:43384 hostid:35096 id:39224 install:155480 join:47480 link:35096 ln:67832 logname:35096 ls:151344
  md5sum:43384 mkdir:72248 mkfifo:39256 mknod:43352 mktemp:39224 mv:145336 nice:35096 nl:43384 nohup:35096
  nproc:35128 numfmt:55704 od:67768 paste:35096 pathchk:35096 pinky:39224 pr:72024 printenv:35096
  printf:55736 ptx:72024 pwd:39224 readlink:39224 realpath:43416 rm:59800 rmdir:35096 runcon:35096 seq:47480
  sha1sum:43384 sha224sum:43384 sha256sum:43384 sha384sum:47480 sha512sum:47480 shred:55704 shuf:47480
  sleep:35096 sort:108920 split:55736 stat:84472 stdbuf:43384 stty:76120 sum:35096 sync:35096 tac:39224
  tail:64312 tee:39224 test:39224 timeout:39256 touch:92024 tr:47480 true:31096 truncate:39256 tsort:39224
  tty:35096 uname:35096 unexpand:39224 uniq:43416 unlink:35096 users:35096 vdir:151344 wc:47480 who:59768
  whoami:35096 yes:35096`);

const UTIL_LINUX = sizeTable(`flock:27168 getopt:22816 setsid:14560 nsenter:39304 unshare:43392 ionice:22848
  renice:14560 script:56000 findmnt:69832 mountpoint:18520 logger:39360 whereis:35168 wall:35096 setpriv:43544
  taskset:35168 chrt:30984 fallocate:22816 mesg:14488 namei:26992 lsblk:120240 prlimit:39304 ipcs:39232
  ipcrm:18656 more:43160 mount:59704 umount:39224 su:72000 lslogins:59768 choom:22848`);

const SHADOW = sizeTable(`chage:80256 chfn:59760 chsh:50472 expiry:26704 gpasswd:80264 newgrp:43808 passwd:64152`);
const SHADOW_SBIN = sizeTable(`useradd:147960 userdel:100536 usermod:134784 groupadd:80416 groupdel:76288
  groupmod:84536 chpasswd:59704 pwck:55896 grpck:55896 vipw:59992 newusers:97560 chgpasswd:55640 pwconv:47384
  grpconv:47384`);

const LIBS = sizeTable(`libm.so.6:907784 libresolv.so.2:68104 libnss_files.so.2:14480
  libnss_dns.so.2:14480 libanl.so.1:14408 libselinux.so.1:174480 libpcre2-8.so.0.11.2:629384 libtinfo.so.6.4:200136
  libacl.so.1.1.2301:35192 libattr.so.1.1.2501:22792 libcrypt.so.1.1.0:206920 libgmp.so.10.4.1:534064
  libz.so.1.2.13:121280 liblzma.so.5.4.1:170456 libzstd.so.1.5.4:813864 libbz2.so.1.0.4:74688
  libsystemd.so.0.35.0:904712 libudev.so.1.7.5:182152 libstdc++.so.6.0.30:2260296 libgcc_s.so.1:125312
  libgnutls.so.30.34.3:2078920 libnettle.so.8.6:338232 libhogweed.so.6.6:313048 libp11-kit.so.0.3.0:1290696
  libunistring.so.2.2.0:1775664 libidn2.so.0.3.8:125648 libtasn1.so.6.6.3:80848 libffi.so.8.1.2:39200
  libapt-pkg.so.6.0.0:2271608 libapt-private.so.0.0.0:419080 libdb-5.3.so:1828440 libsemanage.so.2:292064
  libsepol.so.2:808752 libaudit.so.1.0.0:133136 libcap-ng.so.0.0.0:26672 libcap.so.2.66:39216
  libpam.so.0.85.1:68184 libsmartcols.so.1.1.0:211424 libblkid.so.1.1.0:318480 libmount.so.1.1.0:387400
  libuuid.so.1.3.0:34888 libxxhash.so.0.8.1:100400 libgcrypt.so.20.4.1:1375624 libgpg-error.so.0.33.1:149232
  liblz4.so.1.9.4:129000 libdebconfclient.so.0.0.0:26920 libcom_err.so.2.1:18504 libmd.so.0.0.5:51136
  libseccomp.so.2.5.4:130240`);

export interface DebianLikeOptions {
  arch: Arch;
  created: string;
  osRelease: string;
  debianVersion: string;
  issue: string;
  passwd: string;
  group: string;
  /** apt sources written by the image build */
  sources: { path: string; content: string };
  /** keep /usr/share/doc, man pages, locales (debian:<suite> as opposed to -slim) */
  full: boolean;
  /** extra entries (lsb-release, unminimize, ...) */
  extra?: (t: Tree) => void;
}

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 and umask are already set in /etc/profile. You should not
# need this unless you want different defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

const ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

const ETC_PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
`;

const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`;

const SKEL_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
shopt -s histappend
HISTSIZE=1000
HISTFILESIZE=2000
shopt -s checkwinsize

PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '

if [ -x /usr/bin/dircolors ]; then
    eval "$(dircolors -b)"
    alias ls='ls --color=auto'
    alias grep='grep --color=auto'
fi
`;

/** Entries of a Debian-family root filesystem for one architecture. */
export function debianLikeEntries(o: DebianLikeOptions): Tree {
  const an = archNames(o.arch);
  const lib = `/usr/lib/${an.triplet}`;
  const t = new Tree(o.created);

  t.dirs('/', '/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr');
  t.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/run/lock', 0o1777);
  t.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib');
  if (o.arch === 'amd64') t.link('/lib64', 'usr/lib64').dir('/usr/lib64').link('/usr/lib64/ld-linux-x86-64.so.2', `../lib/${an.triplet}/ld-linux-x86-64.so.2`);
  t.dirs('/usr/bin', '/usr/sbin', '/usr/lib', lib, `${lib}/gconv`, `${lib}/perl-base`, '/usr/libexec', '/usr/games', '/usr/include');
  t.dirs('/usr/local', '/usr/local/bin', '/usr/local/etc', '/usr/local/games', '/usr/local/include', '/usr/local/lib');
  t.dirs('/usr/local/libexec', '/usr/local/man', '/usr/local/sbin', '/usr/local/share', '/usr/local/src');
  t.dirs('/usr/share', '/usr/share/doc', '/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc', '/usr/share/perl5', '/usr/src');
  t.dirs('/var', '/var/backups', '/var/cache', '/var/cache/apt', '/var/cache/debconf', '/var/lib', '/var/lib/apt');
  t.dirs('/var/lib/apt/lists', '/var/lib/dpkg', '/var/lib/dpkg/info', '/var/lib/misc', '/var/local', '/var/log');
  t.dirs('/var/log/apt', '/var/opt', '/var/spool');
  t.dir('/var/mail', 0o2775, { gid: 8 }).dir('/var/tmp', 0o1777);
  t.link('/var/run', '/run').link('/var/lock', '/run/lock');
  t.dirs('/etc/apt', '/etc/apt/apt.conf.d', '/etc/apt/keyrings', '/etc/apt/preferences.d', '/etc/apt/sources.list.d');
  t.dirs('/etc/apt/trusted.gpg.d', '/etc/dpkg', '/etc/dpkg/dpkg.cfg.d', '/etc/profile.d', '/etc/skel', '/etc/alternatives');
  t.dirs('/etc/default', '/etc/init.d', '/etc/ld.so.conf.d', '/etc/security', '/etc/pam.d', '/etc/update-motd.d');

  // identity
  t.file('/usr/lib/os-release', o.osRelease).link('/etc/os-release', '../usr/lib/os-release');
  t.file('/etc/debian_version', o.debianVersion);
  t.file('/etc/issue', o.issue).file('/etc/issue.net', o.issue.split(' \\n')[0] + '\n');

  // users, groups, login
  writeUserDb(t, { style: 'debian', passwd: o.passwd, group: o.group });
  t.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
  t.file('/etc/profile', ETC_PROFILE).file('/etc/bash.bashrc', BASH_BASHRC);
  t.file('/root/.bashrc', BASHRC).file('/root/.profile', ROOT_PROFILE);
  t.file('/etc/skel/.bashrc', SKEL_BASHRC).file('/etc/skel/.profile', ROOT_PROFILE).file('/etc/skel/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n\nif [ "$SHLVL" = 1 ]; then\n    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q\nfi\n');
  t.data('/etc/login.defs', 12_569).file('/etc/host.conf', 'multi on\n').file('/etc/nsswitch.conf', '# /etc/nsswitch.conf\n\npasswd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n');
  t.file('/etc/environment', '').file('/etc/ld.so.conf', 'include /etc/ld.so.conf.d/*.conf\n\n');
  t.file(`/etc/ld.so.conf.d/${an.triplet}.conf`, `# Multiarch support\n/usr/local/lib/${an.triplet}\n/lib/${an.triplet}\n/usr/lib/${an.triplet}\n`);
  t.file('/etc/ld.so.conf.d/libc.conf', '# libc default configuration\n/usr/local/lib\n');
  t.data('/etc/ld.so.cache', 8_543);
  t.file('/etc/timezone', 'Etc/UTC\n').data('/usr/share/zoneinfo/Etc/UTC', 114).link('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  t.link('/usr/share/zoneinfo/UTC', 'Etc/UTC');
  t.file(o.sources.path, o.sources.content);
  t.file('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n');
  t.file('/etc/apt/apt.conf.d/docker-autoremove-suggests', 'Apt::AutoRemove::SuggestsImportant "false";\n');
  t.file('/etc/apt/apt.conf.d/docker-no-languages', 'Acquire::Languages "none";\n');
  t.file('/etc/apt/apt.conf.d/docker-gzip-indexes', 'Acquire::GzipIndexes "true";\n');
  if (!o.full) {
    t.file('/etc/dpkg/dpkg.cfg.d/docker', '# This image is slimmed: documentation and translations are not installed.\npath-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/groff/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/lintian/*\npath-exclude /usr/share/linda/*\n');
  }
  t.data('/var/lib/dpkg/status', o.full ? 98_431 : 78_214).file('/var/lib/dpkg/arch', `${o.arch}\n`);
  t.data('/var/lib/dpkg/available', 0).file('/var/lib/dpkg/diversions', '');
  t.data('/var/cache/debconf/templates.dat', o.full ? 1_382_112 : 696_401).data('/var/cache/debconf/config.dat', 11_322);

  // shells and essential programs
  t.exe('/usr/bin/bash', 'bash', 1_265_648).link('/usr/bin/rbash', 'bash');
  t.exe('/usr/bin/dash', 'dash', 125_640).link('/usr/bin/sh', 'dash');
  t.exes('/usr/bin', 'coreutils', COREUTILS);
  t.exe('/usr/sbin/chroot', 'coreutils', 39_224);
  t.exe('/usr/bin/grep', 'grep', 203_152).script('/usr/bin/egrep', '#!/bin/sh\ncmd=${0##*/}\necho "$cmd: warning: $cmd is obsolescent; using grep -E" >&2\nexec grep -E "$@"\n');
  t.script('/usr/bin/fgrep', '#!/bin/sh\ncmd=${0##*/}\necho "$cmd: warning: $cmd is obsolescent; using grep -F" >&2\nexec grep -F "$@"\n');
  t.exe('/usr/bin/sed', 'sed', 122_224);
  t.exe('/usr/bin/mawk', 'mawk', 166_072).link('/etc/alternatives/awk', '/usr/bin/mawk').link('/usr/bin/awk', '/etc/alternatives/awk');
  t.exe('/usr/bin/find', 'findutils', 224_848).exe('/usr/bin/xargs', 'findutils', 68_496);
  t.exe('/usr/bin/tar', 'tar', 531_984).exe('/usr/bin/gzip', 'gzip', 98_136);
  t.script('/usr/bin/gunzip', '#!/bin/sh\n# decompress files: gzip -d\nexec gzip -d "$@"\n');
  t.script('/usr/bin/zcat', '#!/bin/sh\n# write decompressed data to standard output\nexec gzip -cd "$@"\n');
  t.exe('/usr/bin/diff', 'diffutils', 220_064).exe('/usr/bin/cmp', 'diffutils', 55_632);
  t.exe('/usr/bin/hostname', 'hostname', 22_760).link('/usr/bin/dnsdomainname', 'hostname').link('/usr/bin/domainname', 'hostname');
  t.exe('/usr/bin/login', 'login', 48_008).exe('/usr/bin/perl', 'perl', 3_963_664).link('/usr/bin/perl5.36.0', 'perl');
  t.exes('/usr/bin', 'util-linux', UTIL_LINUX);
  t.link('/usr/bin/pager', '/etc/alternatives/pager').link('/etc/alternatives/pager', '/usr/bin/more');
  t.exes('/usr/bin', 'shadow', SHADOW).link('/usr/bin/sg', 'newgrp');
  t.exes('/usr/sbin', 'shadow', SHADOW_SBIN);
  t.exe('/usr/sbin/nologin', 'nologin', 14_640).exe('/usr/sbin/ldconfig', 'ldconfig', 1_000_816);
  t.exe('/usr/sbin/agetty', 'util-linux', 69_888).link('/usr/sbin/getty', 'agetty').exe('/usr/sbin/runuser', 'util-linux', 59_768);
  t.exe('/usr/sbin/start-stop-daemon', 'start-stop-daemon', 51_016);
  t.script('/usr/sbin/service', '#!/bin/sh\n# run a System V init script\nSERVICE="$1"; shift\nif [ -x "/etc/init.d/$SERVICE" ]; then\n  exec "/etc/init.d/$SERVICE" "$@"\nfi\necho "$SERVICE: unrecognized service" >&2\nexit 1\n');
  t.script('/usr/sbin/invoke-rc.d', '#!/bin/sh\n# policy layer for init scripts: nothing is started inside containers\nexit 101\n');
  t.script('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n').script('/usr/sbin/add-shell', '#!/bin/sh\nfor s in "$@"; do grep -qx "$s" /etc/shells || echo "$s" >> /etc/shells; done\n');

  // dpkg and apt
  t.exe('/usr/bin/dpkg', 'dpkg', 318_488).exe('/usr/bin/dpkg-query', 'dpkg', 158_024).exe('/usr/bin/dpkg-deb', 'dpkg', 158_024);
  t.exe('/usr/bin/dpkg-divert', 'dpkg', 158_024).exe('/usr/bin/dpkg-split', 'dpkg', 108_872).exe('/usr/bin/dpkg-statoverride', 'dpkg', 68_184);
  t.exe('/usr/bin/dpkg-trigger', 'dpkg', 60_000).exe('/usr/bin/update-alternatives', 'dpkg', 60_008);
  t.exe('/usr/bin/apt', 'apt', 18_824).exe('/usr/bin/apt-get', 'apt', 26_976).exe('/usr/bin/apt-cache', 'apt', 35_096);
  t.exe('/usr/bin/apt-config', 'apt', 27_056).exe('/usr/bin/apt-mark', 'apt', 59_776);
  t.dirs('/usr/lib/apt', '/usr/lib/apt/methods').exe('/usr/lib/apt/methods/http', 'apt', 88_904);

  // glibc and friends
  t.exe('/usr/bin/getent', 'getent', 35_048).exe('/usr/bin/iconv', 'iconv', 68_024).exe('/usr/bin/locale', 'locale', 59_864);
  t.exe('/usr/bin/localedef', 'localedef', 330_320);
  t.script('/usr/bin/ldd', `#!/bin/bash\n# print shared object dependencies\nRTLD="/lib/${an.triplet.startsWith('x86_64') ? '../lib64/ld-linux-x86-64.so.2' : 'ld-linux-aarch64.so.1'}"\nfor file; do\n  [ -e "$file" ] || { echo "ldd: $file: No such file or directory" >&2; continue; }\n  LD_TRACE_LOADED_OBJECTS=1 "$RTLD" "$file"\ndone\n`);
  t.script('/usr/bin/which', '#!/bin/sh\n# locate a command\nset -ef\nret=1\nfor PROGRAM in "$@"; do\n  IFS=:\n  for ELEMENT in $PATH; do\n    [ -z "$ELEMENT" ] && ELEMENT=.\n    if [ -f "$ELEMENT/$PROGRAM" ] && [ -x "$ELEMENT/$PROGRAM" ]; then\n      echo "$ELEMENT/$PROGRAM"; ret=0; break\n    fi\n  done\ndone\nexit $ret\n');
  t.exe('/usr/bin/run-parts', 'run-parts', 27_064).exe('/usr/bin/tempfile', 'tempfile', 14_640).exe('/usr/bin/ischroot', 'ischroot', 14_640);
  t.exe('/usr/bin/clear', 'ncurses', 14_568).exe('/usr/bin/tput', 'ncurses', 27_064).exe('/usr/bin/tset', 'ncurses', 27_064);
  t.link('/usr/bin/reset', 'tset').exe('/usr/bin/infocmp', 'ncurses', 63_784).exe('/usr/bin/tic', 'ncurses', 92_456);
  t.lib(`${lib}/libc.so.6`, o.arch === 'arm64' ? 1_651_472 : 1_922_136, 0o755);
  t.lib(`${lib}/${an.glibcLd}`, o.arch === 'arm64' ? 202_904 : 210_968, 0o755);
  if (o.arch === 'arm64') t.link(`/usr/lib/${an.glibcLd}`, `${an.triplet}/${an.glibcLd}`);
  for (const [name, size] of Object.entries(LIBS)) {
    t.lib(`${lib}/${name}`, size);
    const soname = name.replace(/^(.*?\.so\.\d+).*$/, '$1');
    if (soname !== name) t.link(`${lib}/${soname}`, name);
  }
  t.data(`${lib}/gconv/gconv-modules.cache`, 27_010);

  o.extra?.(t);
  return t;
}

/** Paths that take a Debian-family layer's remaining bytes. */
export function debianFill(arch: Arch, full: boolean): string[] {
  const lib = `/usr/lib/${archNames(arch).triplet}`;
  const base = [
    `${lib}/perl-base/auto/POSIX/POSIX.so`,
    `${lib}/perl-base/unicore/Name.pm`,
    `${lib}/gconv/libCNS.so`,
    `${lib}/gconv/BIG5HKSCS.so`,
    '/usr/share/zoneinfo/posixrules',
    '/usr/share/perl5/Debconf/Template.pm',
    '/var/lib/dpkg/info/libc6:' + arch + '.md5sums',
    '/usr/share/common-licenses/GPL-3',
  ];
  return full
    ? [...base, '/usr/share/locale/de/LC_MESSAGES/coreutils.mo', '/usr/share/man/man1/bash.1.gz', '/usr/share/doc/bash/bashref.html', '/usr/share/info/coreutils.info.gz']
    : base;
}
