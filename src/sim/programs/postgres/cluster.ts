// A PostgreSQL data directory as initdb lays it out (PG_VERSION, postgresql.conf, pg_hba.conf,
// global/pg_control, base/, pg_wal/...), with the model's own catalog of databases, roles
// and tables kept in global/docksim.json; pg_hba.conf is read as PostgreSQL reads it.

import type { FileSystem } from '../../../vfs/types';
import type { Cluster } from './sql';

export const CATALOG = 'global/docksim.json';

export function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir.replace(/\/$/, '')}/${name}`;
}

export function readCluster(fs: FileSystem, pgdata: string): Cluster | null {
  try {
    return JSON.parse(fs.readFile(join(pgdata, CATALOG))) as Cluster;
  } catch {
    return null;
  }
}

export function writeCluster(fs: FileSystem, pgdata: string, c: Cluster): void {
  try {
    fs.writeFile(join(pgdata, CATALOG), `${JSON.stringify(c)}\n`);
  } catch {
    // a read-only data directory: the change is kept in memory only
  }
}

export function pgHbaInitial(auth: string): string {
  return `# PostgreSQL Client Authentication Configuration File
# ===================================================
#
# Each line names a connection type, a database, a user, an address (for
# "host" lines) and the authentication method PostgreSQL applies to the
# connections it matches. The first line that matches decides; a connection
# no line matches is rejected.
#
# This file is read on server start and when the server is told to reload.

# TYPE  DATABASE        USER            ADDRESS                 METHOD

# "local" is for Unix domain socket connections only
local   all             all                                     ${auth}
# IPv4 local connections:
host    all             all             127.0.0.1/32            ${auth}
# IPv6 local connections:
host    all             all             ::1/128                 ${auth}
# Allow replication connections from localhost, by a user with the
# replication privilege.
local   replication     all                                     ${auth}
host    replication     all             127.0.0.1/32            ${auth}
host    replication     all             ::1/128                 ${auth}
`;
}

export interface HbaLine {
  type: 'local' | 'host';
  database: string;
  user: string;
  address: string;
  method: string;
  line: number;
  text: string;
}

export function readHba(fs: FileSystem, pgdata: string): HbaLine[] {
  let text = '';
  try {
    text = fs.readFile(join(pgdata, 'pg_hba.conf'));
  } catch {
    return [];
  }
  const out: HbaLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const l = raw.replace(/#.*$/, '').trim();
    if (l === '') return;
    const f = l.split(/\s+/);
    if (f[0] === 'local') out.push({ type: 'local', database: f[1] ?? 'all', user: f[2] ?? 'all', address: '', method: f[3] ?? 'trust', line: i + 1, text: raw.trim() });
    else if (f[0]?.startsWith('host')) out.push({ type: 'host', database: f[1] ?? 'all', user: f[2] ?? 'all', address: f[3] ?? 'all', method: f[4] ?? 'trust', line: i + 1, text: raw.trim() });
  });
  return out;
}

function ipv4(a: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (!m) return null;
  return ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
}

function addressMatches(pattern: string, addr: string): boolean {
  if (pattern === 'all' || pattern === '0.0.0.0/0') return ipv4(addr) !== null || pattern === 'all';
  if (pattern === 'samehost' || pattern === 'samenet') return addr === '127.0.0.1';
  const [net, bits = '32'] = pattern.split('/');
  const a = ipv4(addr);
  const n = ipv4(net ?? '');
  if (a === null || n === null) return pattern.startsWith('::1') && addr === '::1';
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return (a & mask) === (n & mask);
}

/** The first pg_hba.conf line matching a connection, or null (no entry). */
export function matchHba(lines: HbaLine[], conn: { local: boolean; address: string; database: string; user: string }): HbaLine | null {
  for (const l of lines) {
    if (l.database === 'replication') continue;
    if (conn.local !== (l.type === 'local')) continue;
    if (l.database !== 'all' && !l.database.split(',').includes(conn.database) && !(l.database === 'sameuser' && conn.database === conn.user)) continue;
    if (l.user !== 'all' && !l.user.split(',').includes(conn.user)) continue;
    if (!conn.local && !addressMatches(l.address, conn.address)) continue;
    return l;
  }
  return null;
}

/** Files and directories initdb creates (besides the catalog), relative to PGDATA. */
export const INITDB_DIRS = [
  'base', 'base/1', 'base/4', 'base/5', 'global', 'pg_commit_ts', 'pg_dynshmem', 'pg_logical', 'pg_logical/mappings', 'pg_logical/snapshots',
  'pg_multixact', 'pg_multixact/members', 'pg_multixact/offsets', 'pg_notify', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_stat',
  'pg_stat_tmp', 'pg_subtrans', 'pg_tblspc', 'pg_twophase', 'pg_wal', 'pg_wal/archive_status', 'pg_wal/summaries', 'pg_xact',
];

export function postgresqlConf(): string {
  return `# PostgreSQL configuration file (written by initdb)
#
# name = value; a line per parameter. Changes take effect on server
# restart, or on reload for the parameters that allow it.

listen_addresses = '*'
max_connections = 100			# (change requires restart)
shared_buffers = 128MB			# min 128kB
dynamic_shared_memory_type = posix	# the default is usually the first option
max_wal_size = 1GB
min_wal_size = 80MB
log_timezone = 'Etc/UTC'
datestyle = 'iso, mdy'
timezone = 'Etc/UTC'
lc_messages = 'en_US.utf8'			# locale for system error message
lc_monetary = 'en_US.utf8'			# locale for monetary formatting
lc_numeric = 'en_US.utf8'			# locale for number formatting
lc_time = 'en_US.utf8'				# locale for time formatting
default_text_search_config = 'pg_catalog.english'
`;
}

/** Settings of postgresql.conf the server acts on. */
export function readConf(fs: FileSystem, pgdata: string): Map<string, string> {
  const m = new Map<string, string>();
  try {
    for (const raw of fs.readFile(join(pgdata, 'postgresql.conf')).split('\n')) {
      const l = raw.replace(/#.*$/, '').trim();
      const eq = /^([a-z_.]+)\s*=?\s*(.*)$/.exec(l);
      if (!eq || eq[2] === undefined || eq[2] === '') continue;
      m.set(eq[1]!, eq[2].replace(/^'(.*)'$/, '$1'));
    }
  } catch {
    // no configuration file
  }
  return m;
}
