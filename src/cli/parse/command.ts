// cobra's command tree for one parse run: names, aliases, paths, flag sets with inherited
// persistent flags, and the lookups cobra performs (findNext, Traverse, Find).
import type { CommandSpec, FlagKind, FlagSpec } from '../spec/types';
import { parseBool } from './go';
import { FlagSet, type Flag } from './flagset';
import { createValue, type ValueContext } from './values';

export interface TreeContext extends ValueContext {
  /** DOCKER_HIDE_LEGACY_COMMANDS is set: top-level shortcuts are hidden and lose their aliases */
  hideLegacy: boolean;
}

export class Command {
  readonly name: string;
  readonly children: Command[] = [];
  aliases: string[];
  hidden: boolean;
  /** cobra's help command of the root */
  helpCommand?: Command;
  private localFlags?: Flag[];
  private flagSetCache?: FlagSet;
  /** length of the longest child name (cobra commandsMaxNameLen) */
  maxChildNameLen = 0;

  constructor(
    readonly spec: CommandSpec,
    readonly parent: Command | undefined,
    private readonly ctx: TreeContext,
    readonly isHelp = false,
  ) {
    this.name = commandName(spec.use);
    this.aliases = spec.aliases ? [...spec.aliases] : [];
    this.hidden = spec.hidden === true;
    if (spec.legacy && ctx.hideLegacy) {
      this.hidden = true;
      this.aliases = [];
    }
  }

  /** add children (cobra keeps them sorted by name) */
  addChildren(cs: readonly Command[]): void {
    for (const c of cs) {
      this.children.push(c);
      this.maxChildNameLen = Math.max(this.maxChildNameLen, c.name.length);
    }
    this.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get root(): Command {
    return this.parent ? this.parent.root : this;
  }

  /** cobra CommandPath */
  get path(): string {
    return this.parent ? `${this.parent.path} ${this.name}` : this.name;
  }

  /** names from the root's child down to this command (the root itself excluded) */
  get pathNames(): string[] {
    return this.parent ? [...this.parent.pathNames, this.name] : [];
  }

  /** cobra UseLine (flags are never appended: docker disables it) */
  get useLine(): string {
    return this.parent ? `${this.parent.path} ${this.spec.use}` : this.spec.use;
  }

  hasSubCommands(): boolean {
    return this.children.length > 0;
  }

  /** cobra IsAvailableCommand */
  isAvailable(): boolean {
    if (this.hidden) return false;
    if (this.parent && this.parent.helpCommand === this) return false;
    return true;
  }

  /** the local flags of this command (created on first use) */
  ownFlags(): Flag[] {
    if (!this.localFlags) {
      const flags = new Map<string, Flag>();
      for (const spec of this.spec.flags) {
        if (spec.shares) continue;
        flags.set(spec.name, makeFlag(spec, undefined, this.ctx));
      }
      for (const spec of this.spec.flags) {
        if (!spec.shares) continue;
        const target = flags.get(spec.shares);
        if (!target) throw new Error(`flag --${spec.name} of ${this.spec.use} shares missing --${spec.shares}`);
        flags.set(spec.name, makeFlag(spec, target, this.ctx));
      }
      this.localFlags = [...flags.values()];
    }
    return this.localFlags;
  }

  /** cobra Flags() after mergePersistentFlags: local flags plus the ancestors' persistent ones */
  flags(): FlagSet {
    if (!this.flagSetCache) {
      const fs = new FlagSet(this.spec.interspersed !== false);
      for (const f of this.ownFlags()) fs.add(f);
      for (let p = this.parent; p; p = p.parent) {
        for (const f of p.ownFlags()) if (f.spec.persistent) fs.add(f);
      }
      this.flagSetCache = fs;
    }
    return this.flagSetCache;
  }

  /** cobra findNext: a child by name or alias */
  findNext(next: string): Command | undefined {
    for (const c of this.children) {
      if (c.name === next || c.aliases.includes(next)) return c;
    }
    return undefined;
  }
}

export function commandName(use: string): string {
  const i = use.search(/[ \n]/);
  return i < 0 ? use : use.slice(0, i);
}

function zeroDef(kind: FlagKind): string {
  switch (kind) {
    case 'bool': return 'false';
    case 'int': case 'int32': case 'uint': case 'uint16': case 'uint32': case 'float64': case 'float32': return '0';
    case 'duration': return '0s';
    case 'stringSlice': case 'stringArray': return '[]';
    case 'bytes': case 'swapBytes': return '0';
    default: return '';
  }
}

function configDir(env: ValueContext['env']): string {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  return `${env.HOME || '/root'}/.docker`;
}

/** The flag's default in this environment (pflag DefValue). */
export function envDefault(spec: FlagSpec, env: ValueContext['env']): string {
  const bare = spec.def ?? zeroDef(spec.kind);
  const certDir = () => env.DOCKER_CERT_PATH || configDir(env);
  switch (spec.envDefault) {
    case undefined: return bare;
    case 'config': return configDir(env);
    case 'tlscacert': return `${certDir()}/ca.pem`;
    case 'tlscert': return `${certDir()}/cert.pem`;
    case 'tlskey': return `${certDir()}/key.pem`;
    case 'DOCKER_TLS': return String(!!env.DOCKER_TLS);
    case 'DOCKER_TLS_VERIFY': return String(!!env.DOCKER_TLS_VERIFY);
    case 'DOCKER_DEFAULT_PLATFORM': return env.DOCKER_DEFAULT_PLATFORM ?? '';
    case 'DOCKER_CONTENT_TRUST': {
      const e = env.DOCKER_CONTENT_TRUST;
      let trusted = false;
      if (e) {
        try {
          trusted = parseBool(e);
        } catch {
          trusted = true;
        }
      }
      return String(!trusted);
    }
  }
}

function makeFlag(spec: FlagSpec, shared: Flag | undefined, ctx: TreeContext): Flag {
  const def = envDefault(spec, ctx.env);
  return {
    spec,
    name: spec.name,
    value: shared ? shared.value : createValue(spec, def, ctx),
    def,
    changed: false,
    hidden: spec.hidden === true || spec.deprecated !== undefined,
  };
}

export const HELP_COMMAND_SPEC: CommandSpec = {
  use: 'help [command]',
  short: 'Help about the command',
  flags: [],
};

/** Build the runtime tree for one parse run. */
export function buildTree(root: CommandSpec, ctx: TreeContext): Command {
  const build = (spec: CommandSpec, parent: Command | undefined): Command => {
    const c = new Command(spec, parent, ctx);
    if (spec.subcommands) c.addChildren(spec.subcommands.map((s) => build(s, c)));
    return c;
  };
  const r = build(root, undefined);
  const help = new Command(HELP_COMMAND_SPEC, r, ctx, true);
  r.helpCommand = help;
  r.addChildren([help]);
  return r;
}

// ------------------------------------------------------------------ cobra lookups

function hasNoOptDefVal(name: string, fs: FlagSet): boolean {
  return fs.lookup(name)?.spec.kind === 'bool';
}
function shortHasNoOptDefVal(name: string, fs: FlagSet): boolean {
  if (name.length === 0) return false;
  return fs.shorthandLookup(name[0])?.spec.kind === 'bool';
}
function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

/** cobra stripFlags: the non-flag words of args (used by Find) */
export function stripFlags(args: readonly string[], c: Command): string[] {
  const commands: string[] = [];
  const flags = c.flags();
  let rest = [...args];
  while (rest.length > 0) {
    const s = rest[0];
    rest = rest.slice(1);
    if (s === '--') break;
    if (
      (s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(s.slice(2), flags)) ||
      (s.startsWith('-') && !s.includes('=') && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), flags))
    ) {
      if (rest.length <= 1) break;
      rest = rest.slice(1);
      continue;
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s);
  }
  return commands;
}

function argsMinusFirstX(args: readonly string[], x: string, c: Command): string[] {
  const flags = c.flags();
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos];
    if (s === '--') break;
    if (
      (s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(s.slice(2), flags)) ||
      (s.startsWith('-') && !s.includes('=') && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), flags))
    ) {
      pos++;
      continue;
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}

/** cobra Find (used by `docker help`): the command, the remaining args, and legacyArgs' verdict */
export function find(root: Command, args: readonly string[]): { cmd: Command; args: string[]; error?: string } {
  const inner = (c: Command, innerArgs: string[]): [Command, string[]] => {
    const words = stripFlags(innerArgs, c);
    if (words.length === 0) return [c, innerArgs];
    const next = c.findNext(words[0]);
    if (next) return inner(next, argsMinusFirstX(innerArgs, words[0], c));
    return [c, innerArgs];
  };
  const [cmd, rest] = inner(root, [...args]);
  if (cmd.spec.args === undefined || cmd.spec.args.kind === 'any' || cmd.isHelp) {
    // legacyArgs
    const words = stripFlags(rest, cmd);
    if (cmd.hasSubCommands() && !cmd.parent && words.length > 0) {
      return { cmd, args: rest, error: `unknown command "${words[0]}" for "${cmd.path}"` };
    }
  }
  return { cmd, args: rest };
}

/**
 * cobra Traverse: walk down the tree, parsing each parent's flags that appear before the next
 * subcommand name. Returns the command found and the arguments left for it.
 */
export function traverse(c: Command, args: readonly string[], io: Io): { cmd: Command; args: string[] } {
  const flags: string[] = [];
  let inFlag = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = !hasNoOptDefVal(arg.slice(2), c.flags());
      flags.push(arg);
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !shortHasNoOptDefVal(arg.slice(1), c.flags())) {
      inFlag = true;
      flags.push(arg);
      continue;
    }
    if (inFlag) {
      inFlag = false;
      flags.push(arg);
      continue;
    }
    if (isFlagArg(arg)) {
      flags.push(arg);
      continue;
    }
    const next = c.findNext(arg);
    if (!next) return { cmd: c, args: [...args] };
    parseFlags(c, flags, io); // throws FlagParseError, which cobra returns unwrapped
    return traverse(next, args.slice(i + 1), io);
  }
  return { cmd: c, args: [...args] };
}

/** Output streams of one CLI invocation. */
export interface Io {
  stdout: string;
  stderr: string;
}

/** cobra ParseFlags: parse; pflag's warnings (deprecations) are printed on stdout when it succeeds */
export function parseFlags(c: Command, args: readonly string[], io: Io): void {
  const fs = c.flags();
  const before = fs.output.length;
  fs.parse(args);
  if (fs.output.length > before) io.stdout += fs.output;
}
