// library/mysql: MySQL Innovation (9.3), LTS (8.4) and 8.0 on oraclelinux:9-slim.

import { ORACLELINUX_USERS, oraclelinuxImage } from './base/oraclelinux';
import { ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { AUTO, repository, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

/** The image's entrypoint: initialises the data directory on first start, then runs mysqld. */
export const MYSQL_ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob

# notes on stdout, warnings and errors on stderr, stamped like the server's own lines
mysql_log() {
	local type="$1"; shift
	# the text comes from the arguments, or from stdin (a here-document)
	local text="$*"; if [ "$#" -eq 0 ]; then text="$(cat)"; fi
	local dt; dt="$(date --rfc-3339=seconds)"
	printf '%s [%s] [Entrypoint]: %s\\n' "$dt" "$type" "$text"
}
mysql_note() { mysql_log Note "$@"; }
mysql_warn() { mysql_log Warn "$@" >&2; }
mysql_error() { mysql_log ERROR "$@" >&2; exit 1; }

# VAR from the environment, or the content of the file named by VAR_FILE
file_env() {
	local var="$1" fileVar="\${1}_FILE" def="\${2:-}"
	if [ "\${!var:-}" ] && [ "\${!fileVar:-}" ]; then
		mysql_error "Both $var and $fileVar are set (but are exclusive)"
	fi
	local val="$def"
	if [ "\${!var:-}" ]; then val="\${!var}"; elif [ "\${!fileVar:-}" ]; then val="$(< "\${!fileVar}")"; fi
	export "$var"="$val"
	unset "$fileVar"
}

docker_setup_env() {
	DATADIR=/var/lib/mysql/
	SOCKET=/var/run/mysqld/mysqld.sock
	file_env 'MYSQL_ROOT_HOST' '%'
	file_env 'MYSQL_DATABASE'
	file_env 'MYSQL_USER'
	file_env 'MYSQL_PASSWORD'
	file_env 'MYSQL_ROOT_PASSWORD'
	declare -g DATABASE_ALREADY_EXISTS
	if [ -d "$DATADIR/mysql" ]; then
		DATABASE_ALREADY_EXISTS='true'
	fi
}

# the data and socket directories belong to mysql (a volume may come with other owners)
docker_create_db_directories() {
	local user; user="$(id -u)"
	mkdir -p "$DATADIR" "\${SOCKET%/*}"
	if [ "$user" = '0' ]; then
		find "$DATADIR" "\${SOCKET%/*}" \\! -user mysql -exec chown --no-dereference mysql '{}' +
	fi
}

docker_verify_minimum_env() {
	if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
		mysql_error <<-'EOF'
			Database is uninitialized and password option is not specified
			    You need to specify one of the following as an environment variable:
			    - MYSQL_ROOT_PASSWORD
			    - MYSQL_ALLOW_EMPTY_PASSWORD
			    - MYSQL_RANDOM_ROOT_PASSWORD
		EOF
	fi
	if [ "$MYSQL_USER" = 'root' ]; then
		mysql_error <<-'EOF'
			MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user
			    Remove MYSQL_USER="root" and use one of the following to control the root user password:
			    - MYSQL_ROOT_PASSWORD
			    - MYSQL_ALLOW_EMPTY_PASSWORD
			    - MYSQL_RANDOM_ROOT_PASSWORD
		EOF
	fi
	if [ -n "$MYSQL_USER" ] && [ -z "$MYSQL_PASSWORD" ]; then
		mysql_warn 'MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created'
	elif [ -z "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
		mysql_warn 'MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored'
	fi
}

# the root password as an option file, which the clients read through a process
# substitution (--defaults-extra-file=<(_mysql_passfile)); nothing until root has one
_mysql_passfile() {
	if [ '--dont-use-mysql-root-password' != "$1" ] && [ -n "$MYSQL_ROOT_PASSWORD" ]; then
		cat <<-EOF
			[client]
			password="\${MYSQL_ROOT_PASSWORD}"
		EOF
	fi
}

# SQL on stdin (or the arguments' files), as root through the temporary server's socket
docker_process_sql() {
	local passfileArg=
	if [ '--dont-use-mysql-root-password' = "$1" ]; then
		passfileArg="$1"
		shift
	fi
	if [ -n "$MYSQL_DATABASE" ]; then
		set -- --database="$MYSQL_DATABASE" "$@"
	fi
	mysql --defaults-extra-file=<( _mysql_passfile $passfileArg ) --protocol=socket -uroot -hlocalhost --socket="$SOCKET" --comments "$@"
}

docker_init_database_dir() {
	mysql_note "Initializing database files"
	"$@" --initialize-insecure --default-time-zone=SYSTEM
	mysql_note "Database files initialized"
}

docker_temp_server_start() {
	"$@" --skip-networking --default-time-zone=SYSTEM --socket="$SOCKET" --daemonize
}

docker_temp_server_stop() {
	if ! mysqladmin --defaults-extra-file=<( _mysql_passfile ) shutdown -uroot --socket="$SOCKET"; then
		mysql_error "Unable to shut down server."
	fi
}

# clients built with the default socket path find the server through a link
mysql_socket_fix() {
	local defaultSocket=/var/lib/mysql/mysql.sock
	if [ "$defaultSocket" != "$SOCKET" ]; then
		ln -sfTv "$SOCKET" "$defaultSocket" || :
	fi
}

docker_setup_db() {
	if [ -n "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
		MYSQL_ROOT_PASSWORD="$(openssl rand -base64 24)"; export MYSQL_ROOT_PASSWORD
		mysql_note "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
	fi
	# root from other hosts too (MYSQL_ROOT_HOST, % by default)
	local rootCreate=
	if [ -n "$MYSQL_ROOT_HOST" ] && [ "$MYSQL_ROOT_HOST" != 'localhost' ]; then
		read -r -d '' rootCreate <<-EOSQL || true
			CREATE USER 'root'@'\${MYSQL_ROOT_HOST}' IDENTIFIED BY '\${MYSQL_ROOT_PASSWORD}' ;
			GRANT ALL ON *.* TO 'root'@'\${MYSQL_ROOT_HOST}' WITH GRANT OPTION ;
		EOSQL
	fi
	local passwordSet=
	read -r -d '' passwordSet <<-EOSQL || true
		ALTER USER 'root'@'localhost' IDENTIFIED BY '\${MYSQL_ROOT_PASSWORD}' ;
	EOSQL
	# root has no password yet: the clients must not send one
	docker_process_sql --dont-use-mysql-root-password --database=mysql --binary-mode <<-EOSQL
		-- commit each statement, replicate none of them
		SET autocommit = 1;
		SET @@SESSION.SQL_LOG_BIN=0;
		-- backslashes in the password are escapes
		SET @@SESSION.SQL_MODE=REPLACE(@@SESSION.SQL_MODE, 'NO_BACKSLASH_ESCAPES', '');

		\${passwordSet}
		GRANT ALL ON *.* TO 'root'@'localhost' WITH GRANT OPTION ;
		FLUSH PRIVILEGES ;
		\${rootCreate}
		DROP DATABASE IF EXISTS test ;
	EOSQL

	if [ -n "$MYSQL_DATABASE" ]; then
		mysql_note "Creating database \${MYSQL_DATABASE}"
		docker_process_sql --database=mysql <<<"CREATE DATABASE IF NOT EXISTS \\\`$MYSQL_DATABASE\\\` ;"
	fi
	if [ -n "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
		mysql_note "Creating user \${MYSQL_USER}"
		docker_process_sql --database=mysql <<<"CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY '$MYSQL_PASSWORD' ;"
		if [ -n "$MYSQL_DATABASE" ]; then
			mysql_note "Giving user \${MYSQL_USER} access to schema \${MYSQL_DATABASE}"
			docker_process_sql --database=mysql <<<"GRANT ALL ON \\\`\${MYSQL_DATABASE//_/\\\\_}\\\`.* TO '$MYSQL_USER'@'%' ;"
		fi
	fi
}

docker_process_init_files() {
	echo
	local f
	for f; do
		case "$f" in
			*.sh)  mysql_note "$0: running $f"; . "$f" ;;
			*.sql) mysql_note "$0: running $f"; docker_process_sql < "$f"; echo ;;
			*)     mysql_warn "$0: ignoring $f" ;;
		esac
		echo
	done
}

_main() {
	# an option as first argument: run mysqld with it
	if [ "\${1:0:1}" = '-' ]; then
		set -- mysqld "$@"
	fi

	if [ "$1" = 'mysqld' ]; then
		mysql_note "Entrypoint script for MySQL Server \${MYSQL_VERSION} started."
		docker_setup_env "$@"
		docker_create_db_directories
		if [ "$(id -u)" = "0" ]; then
			mysql_note "Switching to dedicated user 'mysql'"
			exec gosu mysql "$BASH_SOURCE" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			docker_verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null
			docker_init_database_dir "$@"
			mysql_note "Starting temporary server"
			docker_temp_server_start "$@"
			mysql_note "Temporary server started."
			mysql_socket_fix
			docker_setup_db
			docker_process_init_files /docker-entrypoint-initdb.d/*
			mysql_note "Stopping temporary server"
			docker_temp_server_stop
			mysql_note "Temporary server stopped"
			echo
			mysql_note "MySQL init process done. Ready for start up."
			echo
		else
			mysql_socket_fix
		fi
	fi
	exec "$@"
}

_main "$@"
`;

const MY_CNF = `# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/en/server-configuration-defaults.html

[mysqld]
host-cache-size=0
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;

interface Release {
  version: string;
  major: string;
  epoch: string;
  server: ArchSizes;
  shell: ArchSizes;
}

const M93: Release = {
  version: '9.3.0',
  major: 'innovation',
  epoch: '2025-04-15T18:21:14Z',
  server: { amd64: [66_102_876, 385_015_808], arm64: [64_119_337, 378_466_304] },
  shell: { amd64: [72_310_544, 335_118_336], arm64: [69_870_225, 329_785_344] },
};
const M84: Release = {
  version: '8.4.5',
  major: '8.4',
  epoch: '2025-04-15T18:21:14Z',
  server: { amd64: [61_842_003, 340_791_296], arm64: [60_002_781, 335_134_720] },
  shell: { amd64: [68_930_118, 310_378_496], arm64: [66_812_904, 305_250_304] },
};
const M80: Release = {
  version: '8.0.42',
  major: '8.0',
  epoch: '2025-04-15T18:21:14Z',
  server: { amd64: [60_418_227, 330_235_904], arm64: [58_721_663, 324_829_184] },
  shell: { amd64: [68_402_551, 305_106_944], arm64: [66_390_420, 300_072_960] },
};

function serverFiles(r: Release, arch: Arch) {
  return (t: Tree) => {
    t.dirs('/etc/mysql', '/etc/mysql/conf.d', '/docker-entrypoint-initdb.d', '/usr/lib64/mysql', '/usr/lib64/mysql/plugin');
    t.dir('/var/lib/mysql', 0o1777, { uid: 999, gid: 999 }).dir('/var/run/mysqld', 0o1777, { uid: 999, gid: 999 });
    t.dir('/var/lib/mysql-files', 0o750, { uid: 999, gid: 999 }).dir('/var/lib/mysql-keyring', 0o750, { uid: 999, gid: 999 });
    t.file('/etc/my.cnf', MY_CNF);
    const s = arch === 'arm64' ? 0.97 : 1;
    t.exe('/usr/sbin/mysqld', 'mysqld', Math.round(91_263_048 * s));
    for (const [p, size] of [
      ['mysql', 7_212_864],
      ['mysqladmin', 6_911_232],
      ['mysqldump', 7_021_568],
      ['mysqlcheck', 6_884_352],
      ['mysql_upgrade', 6_960_128],
      ['mysqlbinlog', 7_842_816],
      ['mysql_tzinfo_to_sql', 6_572_032],
      ['my_print_defaults', 6_430_720],
    ] as const) {
      t.exe(`/usr/bin/${p}`, ['mysql', 'mysqladmin', 'mysqldump'].includes(p) ? p : 'mysql-tools', Math.round(size * s));
    }
    t.file('/usr/share/mysql-server-version', `${r.version}\n`);
  };
}

function buildMysql(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`mysql:${r.version}-oraclelinux9`, arch, r.epoch);
  const users = addUser(ORACLELINUX_USERS, { name: 'mysql', gid: 999 }, { name: 'mysql', uid: 999, gid: 999, home: '/var/lib/mysql', shell: '/bin/bash' });
  const repo = r.major === 'innovation' ? 'mysql-innovation-community' : r.major === '8.4' ? 'mysql-8.4-lts-community' : 'mysql8.0-community';
  const toolsRepo = r.major === 'innovation' ? 'mysql-tools-innovation-community' : r.major === '8.4' ? 'mysql-tools-8.4-lts-community' : 'mysql-tools-community';
  return ImageBuilder.from(oraclelinuxImage(arch), 'oraclelinux:9-slim')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql',
      L('useradd', both(1_227, AUTO), (t) => writeUserDb(t, users)),
    )
    .env({ GOSU_VERSION: '1.17' })
    .run(
      'set -eux; \tarch="$(uname -m)"; \tcase "$arch" in \t\taarch64) gosuArch=\'arm64\' ;; \t\tx86_64) gosuArch=\'amd64\' ;; \t\t*) echo >&2 "error: unsupported architecture: \'$arch\'"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc"; \tcurl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true',
      L('gosu', { amd64: [1_001_330, 2_392_064], arm64: [943_227, 2_293_760] }, (t) => t.exe('/usr/local/bin/gosu', 'gosu', arch === 'arm64' ? 2_293_760 : 2_392_064)),
    )
    .run(
      'set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all',
      L('microdnf', { amd64: [5_721_092, 21_524_480], arm64: [5_608_451, 22_003_712] }, (t) => t.exe('/usr/bin/openssl', 'openssl', 1_056_000).exe('/usr/bin/xz', 'xz', 96_000).exe('/usr/bin/zstd', 'zstd', 1_386_000), ['/var/lib/rpm/rpmdb.sqlite-shm', '/usr/share/licenses/openssl/LICENSE.txt']),
    )
    .run(
      "set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\"",
      L('key', both(2_602, AUTO), (t) => t.dirs('/etc/pki', '/etc/pki/rpm-gpg').data('/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql', 3_129)),
    )
    .env({ MYSQL_MAJOR: r.major })
    .env({ MYSQL_VERSION: `${r.version}-1.el9` })
    .run(
      `set -eu; \t{ \t\techo '[mysql${r.major}-server-minimal]'; \t\techo 'name=MySQL ${r.major} Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/${repo}/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo`,
      L('repo', both(341, AUTO), (t) => t.file('/etc/yum.repos.d/mysql-community-minimal.repo', `[mysql${r.major}-server-minimal]\nname=MySQL ${r.major} Server Minimal\nenabled=1\nbaseurl=https://repo.mysql.com/yum/${repo}/docker/el/9/$basearch/\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n`)),
    )
    .run(
      'set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \tmicrodnf clean all; \tgrep -F \'socket=/var/lib/mysql/mysql.sock\' /etc/my.cnf; \tsed -i \'s!^socket=.*!socket=/var/run/mysqld/mysqld.sock!\' /etc/my.cnf; \tgrep -F \'socket=/var/run/mysqld/mysqld.sock\' /etc/my.cnf; \t{ echo \'[client]\'; echo \'socket=/var/run/mysqld/mysqld.sock\'; } >> /etc/my.cnf; \t\t! grep -F \'!includedir\' /etc/my.cnf; \t{ echo; echo \'!includedir /etc/mysql/conf.d/\'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version',
      L('server', r.server, serverFiles(r, arch), ['/usr/lib64/mysql/plugin/component_keyring_file.so', '/usr/lib64/mysql/private/libprotobuf.so.24.4.0', '/usr/share/mysql-9.3/english/errmsg.sys', '/usr/lib64/mysql/private/icudt73l/brkitr/word.brk', '/usr/lib64/mysql/libmysqlclient.so.24.0.0']),
    )
    .run(
      `set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/${toolsRepo}/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo`,
      L('tools-repo', both(354, AUTO), (t) => t.file('/etc/yum.repos.d/mysql-community-tools.repo', `[mysql-tools-community]\nname=MySQL Tools Community\nbaseurl=https://repo.mysql.com/yum/${toolsRepo}/el/9/$basearch/\nenabled=1\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n`)),
    )
    .env({ MYSQL_SHELL_VERSION: `${r.version}-1.el9` })
    .run(
      'set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \t\tmysqlsh --version',
      L('shell', r.shell, (t) => t.exe('/usr/bin/mysqlsh', 'mysqlsh', 62_914_560), ['/usr/lib/mysqlsh/lib/python3.13/site-packages/oci/core/compute_client.py', '/usr/lib/mysqlsh/libantlr4-runtime.so.4.10.1', '/usr/lib/mysqlsh/lib/libpython3.13.so.1.0', '/usr/share/mysqlsh/adminapi-metadata/metadata-model-2.2.0.sql']),
    )
    .volume('/var/lib/mysql')
    .copy('docker-entrypoint.sh /usr/local/bin/', L('copy', both(5_187, AUTO), (t) => t.script('/usr/local/bin/docker-entrypoint.sh', MYSQL_ENTRYPOINT, 0o755)))
    .entrypoint(['docker-entrypoint.sh'])
    .expose('3306', '33060')
    .cmd(['mysqld'])
    .build();
}

function myTags(r: Release, aliases: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const base = [r.version, `${maj}.${min}`, ...aliases];
  const out = [...base];
  for (const s of ['oraclelinux9', 'oracle']) for (const v of base) out.push(`${v}-${s}`);
  return out;
}

export const mysql = repository({
  name: 'mysql',
  description: 'MySQL is a widely used, open-source relational database management system (RDBMS).',
  stars: 15_688,
  groups: [
    tags(['latest', 'oraclelinux9', 'oracle', ...myTags(M93, ['9', 'innovation'])], (a) => buildMysql(M93, a)),
    tags(myTags(M84, ['8', 'lts']), (a) => buildMysql(M84, a)),
    tags(myTags(M80, []), (a) => buildMysql(M80, a)),
  ],
});
