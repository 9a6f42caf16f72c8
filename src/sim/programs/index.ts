// The program table: which model runs for each `docksim-program:<name>` executable in an
// image. Shells and applets come from src/sh; daemons and tools are modelled here.

import type { Command } from '../../sh/types';
import type { ProgramTable } from '../runtime/exec';
import { hello } from './hello';
import { multicall } from './multicall';
import { sleepProgram } from './sleep';

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

/** Commands every multi-call binary here provides until the shells' applets take over. */
function basicApplets(): Map<string, Command> {
  const m = new Map<string, Command>();
  m.set('sleep', sleepProgram);
  m.set('true', function* () {
    return 0;
  });
  m.set('false', function* () {
    return 1;
  });
  return m;
}

export function defaultPrograms(): Programs {
  return new Programs()
    .set('hello', hello)
    .set('sleep', sleepProgram)
    .set('busybox', multicall('busybox', basicApplets, (a) => `${a}: applet not found\n`))
    .set('coreutils', multicall('coreutils', basicApplets, (a) => `coreutils: unknown program '${a}'\nTry 'coreutils --help' for more information.\n`));
}
