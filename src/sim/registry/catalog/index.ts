// The Docker Hub catalog: every repository, as data. Importing this builds nothing; images
// are generated when a registry first serves them.

import { alpine } from './alpine';
import { buildpackDeps } from './buildpack-deps';
import { busybox } from './busybox';
import { debian } from './debian';
import { helloWorld } from './hello-world';
import { httpd } from './httpd';
import { memcached } from './memcached';
import type { RepositoryDef } from './model';
import { nginx } from './nginx';
import { oraclelinux } from './oraclelinux';
import { postgres } from './postgres';
import { redis } from './redis';
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
  memcached,
  buildpackDeps,
  oraclelinux,
];
