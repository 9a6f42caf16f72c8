// The program models of daemons and tools that images run: servers (nginx, httpd, redis,
// databases, registry, traefik), language runtimes, HTTP clients and privilege droppers.

import type { Command } from '../../sh/types';
import { curl } from './net/curl';
import { wget } from './net/wget';
import { memcached } from './memcached';
import { mongod, mongosh } from './mongo';
import { httpd } from './httpd';
import { go, goBinary } from './lang/go';
import { node } from './lang/node';
import { python } from './lang/python';
import { mysql, mysqladmin } from './mysql/client';
import { mysqld } from './mysql/server';
import { nginx } from './nginx';
import { initdb } from './postgres/initdb';
import { pgCtl } from './postgres/pg_ctl';
import { pgIsReady, psql } from './postgres/psql';
import { postgres } from './postgres/server';
import { postgresTools } from './postgres/tools';
import { redisCli } from './redis/cli';
import { redisServer } from './redis/server';
import { registry } from './registry';
import { envsubst, openssl } from './tools/misc';
import { gosu, setpriv, suExec } from './tools/privileges';
import { traefik } from './traefik';

export function daemonPrograms(): Map<string, Command> {
  const out = new Map<string, Command>();
  out.set('nginx', nginx);
  out.set('curl', curl);
  out.set('wget', wget);
  out.set('memcached', memcached);
  out.set('mongod', mongod);
  out.set('mongosh', mongosh);
  out.set('httpd', httpd);
  out.set('node', node);
  out.set('python3', python);
  out.set('go', go);
  out.set('go-binary', goBinary);
  out.set('redis-server', redisServer);
  out.set('redis-cli', redisCli);
  out.set('mysqld', mysqld);
  out.set('mysql', mysql);
  out.set('mysqladmin', mysqladmin);
  out.set('postgres', postgres);
  out.set('initdb', initdb);
  out.set('pg_ctl', pgCtl);
  out.set('psql', psql);
  out.set('pg_isready', pgIsReady);
  out.set('postgres-tools', postgresTools);
  out.set('registry', registry);
  out.set('traefik', traefik);
  out.set('envsubst', envsubst);
  out.set('openssl', openssl);
  out.set('gosu', gosu);
  out.set('su-exec', suExec);
  out.set('setpriv', setpriv);
  return out;
}
