// The Docker Hub catalog: every repository, as data. Importing this builds nothing; images
// are generated when a registry first serves them.

import { alpine } from './alpine';
import { buildpackDeps } from './buildpack-deps';
import { busybox } from './busybox';
import { debian } from './debian';
import { helloWorld } from './hello-world';
import { nginx } from './nginx';
import type { RepositoryDef } from './model';
import { oraclelinux } from './oraclelinux';
import { ubuntu } from './ubuntu';

export const HUB_CATALOG: readonly RepositoryDef[] = [helloWorld, alpine, busybox, debian, ubuntu, nginx, buildpackDeps, oraclelinux];
