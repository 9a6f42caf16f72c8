// The program table: which model runs for each `docksim-program:<name>` executable in an
// image. Shells and applets come from src/sh; daemons and tools are modelled here.

import type { Command } from '../../sh/types';
import type { ProgramTable } from '../runtime/exec';
import { daemonPrograms } from './daemons';
import { dockerInit } from './docker-init';
import { hello } from './hello';
import { shellPrograms } from './shells';

export class Programs implements ProgramTable {
  private readonly table = new Map<string, Command>();

  set(name: string, program: Command): this {
    this.table.set(name, program);
    return this;
  }

  get(name: string): Command | undefined {
    return this.table.get(name);
  }

  names(): string[] {
    return [...this.table.keys()].sort();
  }
}

export function defaultPrograms(): Programs {
  const p = new Programs().set('hello', hello).set('docker-init', dockerInit);
  for (const [name, program] of shellPrograms(p)) p.set(name, program);
  for (const [name, program] of daemonPrograms()) p.set(name, program);
  return p;
}
