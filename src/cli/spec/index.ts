// docker CLI 28.2.2's command table.
import { rootCmd } from './root';
import type { CommandSpec } from './types';

export { rootCmd };
export type * from './types';

/** Every command of the table with its path under `docker` (the root has the empty path). */
export function allCommands(root: CommandSpec = rootCmd): { path: string[]; spec: CommandSpec }[] {
  const out: { path: string[]; spec: CommandSpec }[] = [];
  const walk = (spec: CommandSpec, path: string[]) => {
    out.push({ path, spec });
    for (const s of spec.subcommands ?? []) walk(s, [...path, commandNameOf(s)]);
  };
  walk(root, []);
  return out;
}

/** cobra Name(): the first word of Use */
export function commandNameOf(spec: CommandSpec): string {
  const i = spec.use.search(/[ \n]/);
  return i < 0 ? spec.use : spec.use.slice(0, i);
}

/** Look a command up by its canonical path (["container", "ls"]). */
export function findCommand(path: readonly string[], root: CommandSpec = rootCmd): CommandSpec | undefined {
  let cur: CommandSpec | undefined = root;
  for (const name of path) {
    cur = cur?.subcommands?.find((s) => commandNameOf(s) === name);
  }
  return cur;
}
