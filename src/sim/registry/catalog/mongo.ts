// library/mongo: MongoDB 8.0 on ubuntu:noble and 7.0 on ubuntu:jammy.

import { DEBIAN_GROUP, DEBIAN_PASSWD } from './base/debian';
import { ubuntuImage, type UbuntuRelease } from './base/ubuntu';
import { ImageBuilder } from './build';
import type { Tree } from './fs';
import { both, layerMaker } from './layers';
import { archNames, AUTO, repository, tags, type Arch, type ArchSizes, type ImageDef } from './model';
import { addUser, writeUserDb, type UserDb } from './users';

/** The image's entrypoint: drops to the mongodb user and, on first start, creates the root user. */
export const MONGO_ENTRYPOINT = `#!/bin/bash
set -Eeuo pipefail

# an option as first argument: run mongod with it
if [ "\${1:0:1}" = '-' ]; then
	set -- mongod "$@"
fi

originalArgOne="$1"

# started as root: give the data directories to mongodb and run again as mongodb
if [[ "$originalArgOne" == mongo* ]] && [ "$(id -u)" = '0' ]; then
	if [ "$originalArgOne" = 'mongod' ]; then
		find /data/configdb /data/db \\! -user mongodb -exec chown mongodb '{}' +
	fi
	chown --dereference mongodb "/proc/$$/fd/1" "/proc/$$/fd/2" || :
	exec gosu mongodb "$BASH_SOURCE" "$@"
fi

# VAR from the environment, or the content of the file named by VAR_FILE
file_env() {
	local var="$1" fileVar="\${1}_FILE" def="\${2:-}"
	if [ "\${!var:-}" ] && [ "\${!fileVar:-}" ]; then
		echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
		exit 1
	fi
	local val="$def"
	if [ "\${!var:-}" ]; then val="\${!var}"; elif [ "\${!fileVar:-}" ]; then val="$(< "\${!fileVar}")"; fi
	export "$var"="$val"
	unset "$fileVar"
}

if [ "$originalArgOne" = 'mongod' ]; then
	file_env 'MONGO_INITDB_ROOT_USERNAME'
	file_env 'MONGO_INITDB_ROOT_PASSWORD'

	shouldPerformInitdb=
	if [ "$MONGO_INITDB_ROOT_USERNAME" ] && [ "$MONGO_INITDB_ROOT_PASSWORD" ]; then
		# a root user makes the server require authentication
		set -- "$@" --auth
		shouldPerformInitdb='true'
	elif [ "$MONGO_INITDB_ROOT_USERNAME" ] || [ "$MONGO_INITDB_ROOT_PASSWORD" ]; then
		cat >&2 <<-'EOF'

			error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'
			       both must be specified for a user to be created
		EOF
		exit 1
	fi
	if [ -z "$shouldPerformInitdb" ]; then
		for f in /docker-entrypoint-initdb.d/*; do
			case "$f" in
				*.sh|*.js) shouldPerformInitdb="$f"; break ;;
			esac
		done
	fi
	# an existing database is never initialised again
	if [ -n "$shouldPerformInitdb" ] && [ -e /data/db/WiredTiger ]; then
		shouldPerformInitdb=
	fi

	if [ -n "$shouldPerformInitdb" ]; then
		mongod --bind_ip 127.0.0.1 --port 27017 --fork --logpath "/proc/$$/fd/1"
		if [ "$MONGO_INITDB_ROOT_USERNAME" ] && [ "$MONGO_INITDB_ROOT_PASSWORD" ]; then
			mongosh --quiet admin --eval "db.createUser({ user: '$MONGO_INITDB_ROOT_USERNAME', pwd: '$MONGO_INITDB_ROOT_PASSWORD', roles: [ { role: 'root', db: 'admin' } ] })"
		fi
		export MONGO_INITDB_DATABASE="\${MONGO_INITDB_DATABASE:-test}"
		echo
		for f in /docker-entrypoint-initdb.d/*; do
			case "$f" in
				*.sh) echo "$0: running $f"; . "$f" ;;
				*.js) echo "$0: running $f"; mongosh --quiet "$MONGO_INITDB_DATABASE" "$f"; echo ;;
				*)    echo "$0: ignoring $f" ;;
			esac
			echo
		done
		mongod --shutdown
		echo
		echo 'MongoDB init process complete; ready for start up.'
		echo
	fi

	# listen on every interface unless told otherwise
	case " $* " in
		*" --bind_ip"*|*" --bind_ip_all "*) ;;
		*) set -- "$@" --bind_ip_all ;;
	esac
fi

exec "$@"
`;

interface Release {
  version: string;
  major: string;
  ubuntu: UbuntuRelease;
  epoch: string;
  apt: ArchSizes;
  install: ArchSizes;
}

const MG80: Release = {
  version: '8.0.10',
  major: '8.0',
  ubuntu: 'noble',
  epoch: '2025-06-02T16:48:29Z',
  apt: { amd64: [1_952_004, 6_606_848], arm64: [1_908_352, 6_729_728] },
  install: { amd64: [266_948_117, 757_006_336], arm64: [251_301_028, 712_572_928] },
};

const MG70: Release = {
  version: '7.0.21',
  major: '7.0',
  ubuntu: 'jammy',
  epoch: '2025-06-02T16:48:29Z',
  apt: { amd64: [1_899_513, 6_402_048], arm64: [1_851_204, 6_311_936] },
  install: { amd64: [241_506_870, 704_851_968], arm64: [228_177_413, 667_381_760] },
};

function mongoFiles(arch: Arch, r: Release) {
  return (t: Tree) => {
    const s = arch === 'arm64' ? 0.94 : 1;
    const big = r.major === '8.0' ? 1 : 0.9;
    t.exe('/usr/bin/mongod', 'mongod', Math.round(191_604_336 * s * big));
    t.exe('/usr/bin/mongos', 'mongos', Math.round(74_125_920 * s * big));
    t.exe('/usr/bin/mongosh', 'mongosh', Math.round(117_947_384 * s));
    for (const tool of ['mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop', 'mongofiles', 'bsondump']) {
      t.exe(`/usr/bin/${tool}`, 'mongo-tools', Math.round(16_941_056 * s));
    }
    t.file('/etc/mongod.conf.orig', '# mongod.conf\n\n# for documentation of all options, see:\n#   http://docs.mongodb.org/manual/reference/configuration-options/\n\nstorage:\n  dbPath: /var/lib/mongodb\n\nsystemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n\nprocessManagement:\n  timeZoneInfo: /usr/share/zoneinfo\n');
  };
}

const UBUNTU_USERS = (rel: UbuntuRelease): UserDb =>
  rel === 'jammy'
    ? { style: 'debian', passwd: DEBIAN_PASSWD, group: DEBIAN_GROUP }
    : { style: 'debian', passwd: DEBIAN_PASSWD + 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n', group: DEBIAN_GROUP + 'ubuntu:x:1000:\n' };

function buildMongo(r: Release, arch: Arch): ImageDef {
  const L = layerMaker(`mongo:${r.version}-${r.ubuntu}`, arch, r.epoch);
  const users = addUser(UBUNTU_USERS(r.ubuntu), { name: 'mongodb', gid: 999 }, { name: 'mongodb', uid: 999, gid: 999, home: '/data/db', shell: '/bin/sh' });
  return ImageBuilder.from(ubuntuImage(r.ubuntu, arch), `ubuntu:${r.ubuntu}`)
    .sourceDateEpoch(r.epoch)
    .version(r.version)
    .run(
      'set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb',
      L('useradd', both(1_321, AUTO), (t) => {
        writeUserDb(t, users);
        t.dir('/data').dir('/data/db', 0o755, { uid: 999, gid: 999 }).dir('/data/configdb', 0o755, { uid: 999, gid: 999 });
      }),
    )
    .run(
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/*',
      L('apt', r.apt, (t) => t.exe('/usr/bin/jq', 'jq', 30_000).exe('/usr/bin/numactl', 'numactl', 60_000).exe('/usr/bin/ps', 'procps', 137_000), [`/usr/lib/${archNames(arch).triplet}/libjq.so.1.0.4`, '/etc/ssl/certs/ca-certificates.crt']),
    )
    .env({ GOSU_VERSION: '1.17' })
    .env({ JSYAML_VERSION: '3.13.1' })
    .env({ JSYAML_CHECKSUM: '662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941' })
    .run(
      'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t\twget -O /js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"; \techo "$JSYAML_CHECKSUM */js-yaml.js" | sha256sum -c -; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true',
      L('gosu', { amd64: [1_180_114, AUTO], arm64: [1_101_873, AUTO] }, (t) => t.exe('/usr/local/bin/gosu', 'gosu', arch === 'arm64' ? 2_293_760 : 2_392_064).data('/js-yaml.js', 103_001)),
    )
    .run('mkdir /docker-entrypoint-initdb.d', L('initdb-d', both(115, 0), (t) => t.dir('/docker-entrypoint-initdb.d')))
    .run(
      "set -ex; \texport GNUPGHOME=\"$(mktemp -d)\"; \tset -- '4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05'; \tfor key; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tdone; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export \"$@\" > /etc/apt/keyrings/mongodb.gpg; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"",
      L('key', both(1_162, AUTO), (t) => t.data('/etc/apt/keyrings/mongodb.gpg', 1_175)),
    )
    .arg('MONGO_PACKAGE', 'mongodb-org')
    .arg('MONGO_REPO', 'repo.mongodb.org')
    .env({ MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org' })
    .env({ MONGO_MAJOR: r.major })
    .run(
      `echo "deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://$MONGO_REPO/apt/ubuntu ${r.ubuntu}/\${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/\${MONGO_PACKAGE%-unstable}.list"`,
      L('sources', both(251, AUTO), (t) => t.file('/etc/apt/sources.list.d/mongodb-org.list', `deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://repo.mongodb.org/apt/ubuntu ${r.ubuntu}/mongodb-org/${r.major} multiverse\n`)),
    )
    .env({ MONGO_VERSION: r.version })
    .run(
      'set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION \t&& rm -f /usr/local/bin/systemctl \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig',
      L('install', r.install, mongoFiles(arch, r), ['/usr/share/doc/mongodb-org-server/THIRD-PARTY-NOTICES.gz', `/usr/lib/${archNames(arch).triplet}/libcrypto.so.3`, '/usr/bin/install_compass', '/var/lib/dpkg/info/mongodb-org-server.md5sums']),
    )
    .volume('/data/db', '/data/configdb')
    .env({ HOME: '/data/db' })
    .copy('docker-entrypoint.sh /usr/local/bin/', L('copy', both(5_064, AUTO), (t) => t.script('/usr/local/bin/docker-entrypoint.sh', MONGO_ENTRYPOINT, 0o755)))
    .entrypoint(['docker-entrypoint.sh'])
    .expose('27017')
    .cmd(['mongod'])
    .build();
}

function mgTags(r: Release, aliases: string[]): string[] {
  const [maj, min] = r.version.split('.');
  const base = [r.version, `${maj}.${min}`, maj!, ...aliases];
  return [...base, ...base.map((v) => `${v}-${r.ubuntu}`)];
}

export const mongo = repository({
  name: 'mongo',
  description: 'MongoDB document databases provide high availability and easy scalability.',
  stars: 10_531,
  groups: [tags(['latest', MG80.ubuntu, ...mgTags(MG80, [])], (a) => buildMongo(MG80, a)), tags(mgTags(MG70, []), (a) => buildMongo(MG70, a))],
});
