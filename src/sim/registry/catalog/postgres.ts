// library/postgres: PostgreSQL 17 and 16 from the PGDG packages on debian:bookworm-slim,
// and 17 built from source on alpine.

import { ALPINE_USERS, alpineImage } from './base/alpine';
import { DEBIAN_USERS, debianImage } from './base/debian';
import { DEFAULT_PATH, ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker, type LayerMaker } from './layers';
import { archNames, AUTO, repository, standInSha256, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb } from './users';

/** The image's entrypoint: initialises PGDATA on first start, then runs the server. */
export const POSTGRES_ENTRYPOINT = `#!/usr/bin/env bash
set -Eeo pipefail

# VAR from the environment, or the content of the file named by VAR_FILE
file_env() {
	local var="$1" fileVar="\${1}_FILE" def="\${2:-}"
	if [ "\${!var:-}" ] && [ "\${!fileVar:-}" ]; then
		printf >&2 'error: both %s and %s are set (but are exclusive)\\n' "$var" "$fileVar"
		exit 1
	fi
	local val="$def"
	if [ "\${!var:-}" ]; then
		val="\${!var}"
	elif [ "\${!fileVar:-}" ]; then
		val="$(< "\${!fileVar}")"
	fi
	export "$var"="$val"
	unset "$fileVar"
}

docker_create_db_directories() {
	local user; user="$(id -u)"
	mkdir -p "$PGDATA"
	chmod 00700 "$PGDATA" || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
	if [ "$user" = '0' ]; then
		find "$PGDATA" \\! -user postgres -exec chown postgres '{}' +
		find /var/run/postgresql \\! -user postgres -exec chown postgres '{}' +
	fi
}

docker_verify_minimum_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ 'trust' != "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
			       connections without a password. This is *not* recommended.

			       See PostgreSQL documentation about "trust":
			       https://www.postgresql.org/docs/current/auth-trust.html
		EOE
		exit 1
	fi
	if [ 'trust' = "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOWARN'
			********************************************************************************
			WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
			         anyone with access to the Postgres port to access your database without
			         a password, even if POSTGRES_PASSWORD is set.
			********************************************************************************
		EOWARN
	fi
}

docker_init_database_dir() {
	initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
}

docker_setup_env() {
	file_env 'POSTGRES_PASSWORD'
	file_env 'POSTGRES_USER' 'postgres'
	file_env 'POSTGRES_DB' "$POSTGRES_USER"
	file_env 'POSTGRES_INITDB_ARGS'
	: "\${POSTGRES_HOST_AUTH_METHOD:=}"
	declare -g DATABASE_ALREADY_EXISTS
	if [ -s "$PGDATA/PG_VERSION" ]; then
		DATABASE_ALREADY_EXISTS='true'
	fi
}

pg_setup_hba_conf() {
	local auth="\${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
	printf '\\n%s\\n' "host all all all $auth" >> "$PGDATA/pg_hba.conf"
}

docker_temp_server_start() {
	PGUSER="\${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" \\
		-o "-c listen_addresses='' -p 5432" -w start
}

docker_temp_server_stop() {
	PGUSER="\${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
}

docker_setup_db() {
	if [ "$POSTGRES_DB" != 'postgres' ]; then
		echo "CREATE DATABASE \\"$POSTGRES_DB\\" ;" | psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc --dbname postgres
		echo
	fi
}

docker_process_init_files() {
	echo
	local f
	for f; do
		case "$f" in
			*.sh)     echo "$0: running $f"; . "$f" ;;
			*.sql)    echo "$0: running $f"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc --dbname "$POSTGRES_DB" -f "$f"; echo ;;
			*)        echo "$0: ignoring $f" ;;
		esac
		echo
	done
}

_main() {
	# an option as first argument: run postgres with it
	if [ "\${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi

	if [ "$1" = 'postgres' ]; then
		docker_setup_env
		docker_create_db_directories
		if [ "$(id -u)" = '0' ]; then
			# started as root: run this script again as postgres
			exec gosu postgres "$BASH_SOURCE" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			docker_verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null
			docker_init_database_dir
			pg_setup_hba_conf
			export PGPASSWORD="\${PGPASSWORD:-$POSTGRES_PASSWORD}"
			docker_temp_server_start "$@"
			docker_setup_db
			docker_process_init_files /docker-entrypoint-initdb.d/*
			docker_temp_server_stop
			unset PGPASSWORD
			echo
			echo 'PostgreSQL init process complete; ready for start up.'
			echo
		else
			echo
			echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
			echo
		fi
	fi

	exec "$@"
}

_main "$@"
`;

const ENSURE_INITDB = `#!/usr/bin/env bash
set -Eeuo pipefail

# Initialise PGDATA the way the entrypoint would, without starting the server
# (docker-ensure-initdb.sh), or insist that it is still empty (as
# docker-enforce-initdb.sh).

if [ "$#" -eq 0 ] || [ "$1" != 'postgres' ]; then
	set -- postgres "$@"
fi

source /usr/local/bin/docker-entrypoint.sh
docker_setup_env
docker_create_db_directories
if [ "$(id -u)" = '0' ]; then
	exec gosu postgres "$BASH_SOURCE" "$@"
fi

if [ -z "\${DATABASE_ALREADY_EXISTS:-}" ]; then
	docker_verify_minimum_env
	docker_init_database_dir
	pg_setup_hba_conf
else
	self="$(basename "$0")"
	case "$self" in
		docker-ensure-initdb.sh)
			echo "$self: note: database already initialized in '$PGDATA'!"
			exit 0
			;;
		docker-enforce-initdb.sh)
			echo >&2 "$self: error: (unexpected) database found in '$PGDATA'!"
			exit 1
			;;
	esac
fi
`;

interface Release {
  major: string;
  version: string;
  pgVersion: string;
  epoch: string;
  install: ArchSizes;
}

const PG17: Release = {
  major: '17',
  version: '17.5',
  pgVersion: '17.5-1.pgdg120+1',
  epoch: '2025-06-06T18:27:47Z',
  install: { amd64: [111_482_017, 322_170_880], arm64: [107_318_660, 318_615_552] },
};

const PG16: Release = {
  major: '16',
  version: '16.9',
  pgVersion: '16.9-1.pgdg120+1',
  epoch: '2025-06-06T18:27:47Z',
  install: { amd64: [108_918_522, 316_186_624], arm64: [104_873_903, 312_545_280] },
};

function pgFiles(t: Tree, major: string, bin: string, arch: Arch): void {
  const s = arch === 'arm64' ? 0.93 : 1;
  t.dirs(bin);
  t.exe(`${bin}/postgres`, 'postgres', Math.round(9_913_584 * s));
  for (const [p, size] of [
    ['initdb', 153_008],
    ['pg_ctl', 74_600],
    ['psql', 719_632],
    ['pg_dump', 456_320],
    ['pg_dumpall', 137_584],
    ['pg_restore', 206_336],
    ['pg_isready', 71_936],
    ['createdb', 80_000],
    ['dropdb', 80_000],
    ['createuser', 85_000],
    ['pg_basebackup', 187_000],
    ['pg_upgrade', 220_000],
  ] as const) {
    const program = ['initdb', 'pg_ctl', 'psql', 'pg_isready'].includes(p) ? p : 'postgres-tools';
    t.exe(`${bin}/${p}`, program, Math.round(size * s));
  }
  t.dirs(`/usr/share/postgresql/${major}`).data(`/usr/share/postgresql/${major}/postgres.bki`, 1_071_000);
  t.data(`/usr/share/postgresql/${major}/pg_hba.conf.sample`, 5_711).data(`/usr/share/postgresql/${major}/pg_ident.conf.sample`, 2_640);
}

function copyEntrypoints(L: LayerMaker) {
  return L('copy-entrypoint', both(5_420, AUTO), (t) => {
    t.script('/usr/local/bin/docker-entrypoint.sh', POSTGRES_ENTRYPOINT, 0o775);
    t.script('/usr/local/bin/docker-ensure-initdb.sh', ENSURE_INITDB, 0o775);
  });
}

function finish(b: ImageBuilder, L: LayerMaker, share: string, uid: number, alpine: boolean): ImageDef {
  const owner = { uid, gid: uid };
  const confStep = alpine
    ? {
        cmd: `sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" ${share}/postgresql.conf.sample; \tgrep -F "listen_addresses = '*'" ${share}/postgresql.conf.sample`,
        entries: (t: Tree) => t.dirs(share).data(`${share}/postgresql.conf.sample`, 31_200),
      }
    : {
        cmd: `set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "${share}/postgresql.conf.sample"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample "${share}/"; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample`,
        entries: (t: Tree) => {
          t.dirs('/usr/share/postgresql', share);
          t.data('/usr/share/postgresql/postgresql.conf.sample.dpkg', 31_210).data('/usr/share/postgresql/postgresql.conf.sample', 31_200);
          t.link(`${share}/postgresql.conf.sample`, '../postgresql.conf.sample');
        },
      };
  return b
    .run(confStep.cmd, L('conf-sample', both(9_550, AUTO), confStep.entries))
    .run('install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql', L('run-dir', both(121, 0), (t) => t.dir('/var/run/postgresql', 0o3777, owner)))
    .env({ PGDATA: '/var/lib/postgresql/data' })
    .run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"', L('pgdata', both(121, 0), (t) => t.dir('/var/lib/postgresql/data', 0o1777, owner)))
    .volume('/var/lib/postgresql/data')
    .copy('docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/', copyEntrypoints(L))
    .run('ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh', L('enforce', both(183, AUTO), (t) => t.link('/usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh')))
    .entrypoint(['docker-entrypoint.sh'])
    .stopSignal('SIGINT')
    .expose('5432')
    .cmd(['postgres'])
    .build();
}

function debianPostgres(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`postgres:${r.version}-bookworm`, arch, r.epoch);
  const triplet = archNames(arch).triplet;
  const users = addUser(DEBIAN_USERS, { name: 'postgres', gid: 999 }, { name: 'postgres', uid: 999, gid: 999, home: '/var/lib/postgresql', shell: '/bin/bash' });
  const bin = `/usr/lib/postgresql/${r.major}/bin`;
  const b = ImageBuilder.from(debianImage('bookworm-slim', arch), 'debian:bookworm-slim')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
      L('useradd', both(1_160, AUTO), (t) => {
        writeUserDb(t, users);
        t.dir('/var/lib/postgresql', 0o1777, { uid: 999, gid: 999 });
      }),
    )
    .run(
      'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*',
      L('gnupg', { amd64: [4_432_091, 9_449_472], arm64: [4_318_277, 9_629_696] }, (t) => t.exe('/usr/bin/gpg', 'gpg', 1_136_968).exe('/usr/bin/less', 'less', 178_200), [`/usr/lib/${triplet}/libgcrypt.so.20.4.1.extra`, '/usr/share/gnupg/help.txt']),
    )
    .env({ GOSU_VERSION: '1.17' })
    .run(
      'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true',
      L('gosu', { amd64: [1_187_370, 2_392_064], arm64: [1_109_112, 2_293_760] }, (t) => t.exe('/usr/local/bin/gosu', 'gosu', arch === 'arm64' ? 2_293_760 : 2_392_064)),
    )
    .run(
      "set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'",
      L('locales', { amd64: [8_050_213, 25_821_184], arm64: [8_048_009, 25_821_184] }, (t) => t.file('/etc/locale.gen', 'en_US.UTF-8 UTF-8\n').exe('/usr/sbin/locale-gen', 'locale-gen', 1_386), ['/usr/lib/locale/locale-archive', '/usr/share/i18n/charmaps/UTF-8.gz', '/usr/share/locale/locale.alias']),
    )
    .env({ LANG: 'en_US.utf8' })
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*',
      L('nss-wrapper', { amd64: [1_271_188, 3_821_568], arm64: [1_239_002, 3_858_432] }, (t) => t.exe('/usr/bin/xz', 'xz', 96_000).exe('/usr/bin/zstd', 'zstd', 1_386_000), [`/usr/lib/${triplet}/libnss_wrapper.so`]),
    )
    .run('mkdir /docker-entrypoint-initdb.d', L('initdb-d', both(116, 0), (t) => t.dir('/docker-entrypoint-initdb.d')))
    .run(
      "set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"",
      L('pgdg-key', both(1_171, AUTO), (t) => t.dirs('/usr/local/share/keyrings').data('/usr/local/share/keyrings/postgres.gpg.asc', 3_042)),
    )
    .env({ PG_MAJOR: r.major })
    .env({ PATH: `${DEFAULT_PATH}:${bin}` })
    .env({ PG_VERSION: r.pgVersion })
    .run(
      `set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el) \t\t\techo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S "$pyc" &> /dev/null || rm -vf "$pyc"; done' -- '{}' +; \t\tpostgres --version`,
      L('install', r.install, (t) => pgFiles(t, r.major, bin, arch), [
        `/usr/lib/postgresql/${r.major}/lib/llvmjit.so`,
        `/usr/lib/${triplet}/libLLVM-14.so.1`,
        `/usr/lib/${triplet}/libicudata.so.72.1`,
        `/usr/lib/postgresql/${r.major}/lib/bitcode/postgres.index.bc`,
        `/usr/share/postgresql/${r.major}/timezonesets/Default`,
        `/usr/lib/${triplet}/libperl.so.5.36.0`,
        `/usr/lib/python3/dist-packages/__pycache__/.keep`,
      ]),
    );
  return finish(b, L, `/usr/share/postgresql/${r.major}`, 999, false);
}

function alpinePostgres(arch: Arch): ImageDef {
  const r = PG17;
  const L = layerMaker(`postgres:${r.version}-alpine3.22`, arch, r.epoch);
  const users = addUser(ALPINE_USERS, { name: 'postgres', gid: 70 }, { name: 'postgres', uid: 70, gid: 70, gecos: 'Linux User,,,', home: '/var/lib/postgresql', shell: '/bin/sh' });
  const b = ImageBuilder.from(alpineImage('3.22', arch), 'alpine:3.22')
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
      L('adduser', both(1_012, AUTO), (t) => {
        writeUserDb(t, users);
        t.dir('/var/lib/postgresql', 0o1777, { uid: 70, gid: 70 });
      }),
    )
    .env({ GOSU_VERSION: '1.17' })
    .run(
      'set -eux; \t\tapk add --no-cache --virtual .gosu-deps \t\tca-certificates \t\tdpkg \t\tgnupg \t; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t\tapk del --no-network .gosu-deps; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true',
      L('gosu', { amd64: [1_091_022, 2_392_064], arm64: [1_027_391, 2_293_760] }, (t) => t.exe('/usr/local/bin/gosu', 'gosu', arch === 'arm64' ? 2_293_760 : 2_392_064)),
    )
    .env({ LANG: 'en_US.utf8' })
    .run('mkdir /docker-entrypoint-initdb.d', L('initdb-d', both(115, 0), (t) => t.dir('/docker-entrypoint-initdb.d')))
    .env({ PG_MAJOR: r.major })
    .env({ PG_VERSION: r.version })
    .env({ PG_SHA256: standInSha256(`postgresql-${r.version}.tar.bz2`) })
    .env({ DOCKER_PG_LLVM_DEPS: 'llvm19-dev \t\tclang19' })
    .run(
      'set -eux; \t\twget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2"; \techo "$PG_SHA256 *postgresql.tar.bz2" | sha256sum -c -; \tmkdir -p /usr/src/postgresql; \ttar \t\t--extract \t\t--file postgresql.tar.bz2 \t\t--directory /usr/src/postgresql \t\t--strip-components 1 \t; \trm postgresql.tar.bz2; \t\tapk add --no-cache --virtual .build-deps \t\t$DOCKER_PG_LLVM_DEPS \t\tbison \t\tcoreutils \t\tdpkg-dev dpkg \t\tflex \t\tg++ \t\tgcc \t\tkrb5-dev \t\tlibc-dev \t\tlibedit-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlinux-headers \t\tmake \t\topenldap-dev \t\topenssl-dev \t\tperl-dev \t\tperl-utils \t\tperl-ipc-run \t\tpython3-dev \t\ttcl-dev \t\tutil-linux-dev \t\tzlib-dev \t\ticu-dev \t\tlz4-dev \t\tzstd-dev \t; \t\tcd /usr/src/postgresql; \t./configure \t\t--enable-option-checking=fatal \t\t--build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \t\t--enable-integer-datetimes \t\t--enable-thread-safety \t\t--enable-tap-tests \t\t--disable-rpath \t\t--with-uuid=e2fs \t\t--with-pgport=5432 \t\t--with-system-tzdata=/usr/share/zoneinfo \t\t--prefix=/usr/local \t\t--with-includes=/usr/local/include \t\t--with-libraries=/usr/local/lib \t\t--with-gssapi \t\t--with-ldap \t\t--with-tcl \t\t--with-perl \t\t--with-python \t\t--with-openssl \t\t--with-libxml \t\t--with-libxslt \t\t--with-icu \t\t--with-llvm \t\t--with-lz4 \t\t--with-zstd \t; \tmake -j "$(nproc)" world-bin; \tmake install-world-bin; \tmake -C contrib install; \t\tcd /; \trm -rf \t\t/usr/src/postgresql \t\t/usr/local/share/doc \t\t/usr/local/share/man \t; \t\tapk add --no-cache --virtual .postgresql-rundeps \t\tbash \t\ttzdata \t\tzstd \t\ticu-data-full \t; \tapk del --no-network .build-deps; \t\tpostgres --version',
      L('build', { amd64: [104_688_512, 265_011_200], arm64: [101_116_207, 262_307_840] }, (t) => {
        t.exe('/bin/bash', 'bash', 801_848).link('/usr/bin/bash', '/bin/bash');
        pgFiles(t, r.major, '/usr/local/bin', arch);
      }, ['/usr/local/lib/postgresql/llvmjit.so', '/usr/lib/libLLVM.so.19.1', '/usr/share/icu/76.1/icudt76l.dat', '/usr/local/share/postgresql/timezonesets/Default', '/usr/lib/libperl.so']),
    );
  return finish(b, L, '/usr/local/share/postgresql', 70, true);
}

function pgTags(r: Release, suffixes: string[], extra: string[] = []): string[] {
  const out = [...extra];
  for (const s of suffixes) for (const base of [r.version, r.major]) out.push(s ? `${base}-${s}` : base);
  return out;
}

export const postgres = repository({
  name: 'postgres',
  description: 'The PostgreSQL object-relational database system provides reliability and data integrity.',
  stars: 14_089,
  groups: [
    tags(pgTags(PG17, ['', 'bookworm'], ['latest', 'bookworm']), (a) => debianPostgres(PG17, a)),
    tags(pgTags(PG17, ['alpine', 'alpine3.22'], ['alpine', 'alpine3.22']), alpinePostgres),
    tags(pgTags(PG16, ['', 'bookworm']), (a) => debianPostgres(PG16, a)),
  ],
});
