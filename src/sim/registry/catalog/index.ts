// The Docker Hub catalog: every repository, as data. Importing this builds nothing; images
// are generated when a registry first serves them.

import { alpine } from './alpine';
import { buildpackDeps } from './buildpack-deps';
import { busybox } from './busybox';
import { debian } from './debian';
import { helloWorld } from './hello-world';
import { golang } from './golang';
import { httpd } from './httpd';
import { memcached } from './memcached';
import { mongo } from './mongo';
import { mysql } from './mysql';
import type { RepositoryDef } from './model';
import { nginx } from './nginx';
import { node } from './node';
import { oraclelinux } from './oraclelinux';
import { postgres } from './postgres';
import { python } from './python';
import { redis } from './redis';
import { registry } from './registry';
import { traefik } from './traefik';
import { ubuntu } from './ubuntu';

export const HUB_CATALOG: readonly RepositoryDef[] = [
  helloWorld,
  alpine,
  busybox,
  ubuntu,
  debian,
  nginx,
  httpd,
  redis,
  postgres,
  mysql,
  node,
  python,
  golang,
  memcached,
  mongo,
  registry,
  traefik,
  buildpackDeps,
  oraclelinux,
];
