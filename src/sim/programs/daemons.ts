// The program models of daemons and tools that images run: servers (nginx, httpd, redis,
// databases, registry, traefik), language runtimes, HTTP clients and privilege droppers.

import type { Command } from '../../sh/types';
import { curl } from './net/curl';
import { nginx } from './nginx';

export function daemonPrograms(): Map<string, Command> {
  const out = new Map<string, Command>();
  out.set('nginx', nginx);
  out.set('curl', curl);
  return out;
}
