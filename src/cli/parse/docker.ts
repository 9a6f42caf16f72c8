// The docker CLI's command line, from argv to either the command to run or what the CLI prints
// and exits with without contacting the daemon: global flags, the builder alias, cobra's traversal,
// flag parsing, help, feature gating by the daemon's ping answer, argument validation.
// Follows cmd/docker/docker.go, cli/cobra.go, cli/required.go (docker/cli 28.2.2), cobra 1.9.1
// and pflag 1.0.6.
import { rootCmd } from '../spec';
import type { CommandSpec } from '../spec/types';
import { Command, buildTree, find, parseFlags, traverse, type Io } from './command';
import { FlagParseError, FlagSet } from './flagset';
import { parseBool } from './go';
import { usageString } from './help';
import { ParsedFlags } from './result';
import { serverDetails, versionLessThan, type DaemonPing, type ServerDetails } from './server';

export const CLI_VERSION_LINE = 'Docker version 28.2.2, build e6534b4';

export interface ParseOptions {
  /** environment of the CLI process (DOCKER_CONFIG, HOME, DOCKER_BUILDKIT, DOCKER_API_VERSION, ...) */
  env?: Readonly<Record<string, string | undefined>>;
  /** working directory (relative bind-mount sources in --mount become absolute) */
  cwd?: string;
  /**
   * The daemon's `/_ping` answer. The real CLI pings lazily, only when a help text, a flag or a
   * command depends on it; a function is called at most once, only then. Default: unreachable.
   */
  daemon?: DaemonPing | (() => DaemonPing);
  /** columns of the terminal on stdin; omit when stdin is not a terminal (the CLI then uses 80) */
  width?: number;
  stdoutIsTerminal?: boolean;
  stderrIsTerminal?: boolean;
  /** the command table (default: docker's) */
  spec?: CommandSpec;
}

/** The CLI is done: print this and exit. */
export interface ExitResult {
  kind: 'exit';
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A command to run, with its parsed flags and arguments. */
export interface RunResult {
  kind: 'run';
  /** canonical command names under `docker`, e.g. ["container", "ls"] for `docker ps` is ["ps"] */
  path: string[];
  /** the full command path as docker prints it ("docker container ls") */
  commandPath: string;
  /** the command's `Usage:` line ("docker ps [OPTIONS]") */
  useLine: string;
  command: CommandSpec;
  flags: ParsedFlags;
  /** the global (root) flags */
  globals: ParsedFlags;
  args: string[];
  /** number of arguments before `--`, or -1 */
  argsLenAtDash: number;
  /** already printed while parsing (deprecation notices on stdout, builder warnings on stderr) */
  stdout: string;
  stderr: string;
  /** the daemon facts, when parsing needed them */
  server?: ServerDetails;
}

export type ParseResult = ExitResult | RunResult;

class CliError {
  constructor(
    readonly message: string,
    readonly exitCode = 1,
  ) {}
}

const HIDE = ['experimental', 'ostype', 'swarm', 'version'] as const;

class Invocation {
  readonly io: Io = { stdout: '', stderr: '' };
  readonly root: Command;
  private details?: ServerDetails;

  constructor(readonly opts: ParseOptions) {
    const env = opts.env ?? {};
    this.root = buildTree(opts.spec ?? rootCmd, { env, cwd: opts.cwd ?? '/', hideLegacy: !!env.DOCKER_HIDE_LEGACY_COMMANDS });
  }

  get env() {
    return this.opts.env ?? {};
  }

  server(): ServerDetails {
    if (!this.details) {
      const d = this.opts.daemon;
      const ping: DaemonPing = typeof d === 'function' ? d() : (d ?? { reachable: false });
      this.details = serverDetails(ping, this.env);
    }
    return this.details;
  }

  serverIfKnown(): ServerDetails | undefined {
    return this.details;
  }

  exit(code: number): ExitResult {
    return { kind: 'exit', stdout: this.io.stdout, stderr: this.io.stderr, exitCode: code };
  }

  fail(e: CliError): ExitResult {
    if (e.message !== '') this.io.stderr += e.message + '\n';
    return this.exit(e.exitCode);
  }

  // ---------------------------------------------------------------- feature gating

  /** isSupported: the command (or a parent) or a flag that was set needs what the daemon lacks */
  unsupported(cmd: Command): string | undefined {
    for (let curr: Command | undefined = cmd; curr; curr = curr.parent) {
      const a = curr.spec.annotations;
      if (!a) continue;
      if (a.version !== undefined && versionLessThan(this.server().currentVersion, a.version)) {
        return `${cmd.path} requires API version ${a.version}, but the Docker daemon API version is ${this.server().currentVersion}`;
      }
      if (a.ostype !== undefined && this.server().osType !== '' && a.ostype !== this.server().osType) {
        return `${cmd.path} is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${this.server().osType}`;
      }
      if (a.experimental && !this.server().hasExperimental) {
        return `${cmd.path} is only supported on a Docker daemon with experimental features enabled`;
      }
    }
    const errs: string[] = [];
    for (const f of cmd.flags().all()) {
      const a = f.spec.annotations;
      if (!f.changed || !a) continue;
      if (a.version !== undefined && versionLessThan(this.server().currentVersion, a.version)) {
        errs.push(`"--${f.name}" requires API version ${a.version}, but the Docker daemon API version is ${this.server().currentVersion}`);
        continue;
      }
      if (a.ostype !== undefined && this.server().osType !== '' && this.server().osType !== a.ostype) {
        errs.push(`"--${f.name}" is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${this.server().osType}`);
        continue;
      }
      if (a.experimental && !this.server().hasExperimental) {
        errs.push(`"--${f.name}" is only supported on a Docker daemon with experimental features enabled`);
      }
    }
    return errs.length ? errs.join('\n') : undefined;
  }

  private hides(what: (typeof HIDE)[number], v: string | boolean): boolean {
    switch (what) {
      case 'experimental': return !this.server().hasExperimental;
      case 'ostype': return this.server().osType !== '' && v !== this.server().osType;
      case 'version': return versionLessThan(this.server().currentVersion, v as string);
      case 'swarm': {
        const s = this.server().swarm;
        if (!s) return false;
        if (v === 'manager') return !s.controlAvailable;
        if (v === 'active') return s.nodeState === 'inactive';
        return false;
      }
    }
  }

  /** hideUnsupportedFeatures */
  hideUnsupported(cmd: Command): void {
    for (const f of cmd.flags().all()) {
      const a = f.spec.annotations;
      if (!a) continue;
      for (const what of HIDE) {
        if (f.hidden) break;
        const v = a[what];
        if (v !== undefined && v !== false && this.hides(what, v)) f.hidden = true;
      }
    }
    for (const sub of cmd.children) {
      const a = sub.spec.annotations;
      if (!a) continue;
      for (const what of HIDE) {
        if (sub.hidden) break;
        const v = a[what];
        if (v !== undefined && v !== false && this.hides(what, v)) sub.hidden = true;
      }
    }
  }

  // ---------------------------------------------------------------- help

  private terminal(toStderr: boolean): boolean {
    return toStderr ? !!this.opts.stderrIsTerminal : !!this.opts.stdoutIsTerminal;
  }

  private write(toStderr: boolean, s: string): void {
    if (toStderr) this.io.stderr += s;
    else this.io.stdout += s;
  }

  /** the command's HelpFunc (docker's wrapper, or the stack command's own) */
  help(cmd: Command, args: readonly string[], toStderr: boolean): void {
    const stack = this.stackAncestor(cmd);
    if (stack) {
      const err = this.unsupported(cmd);
      if (err) {
        this.io.stderr += err + '\n';
        return;
      }
      this.write(toStderr, usageString(cmd, { width: this.opts.width, outIsTerminal: this.terminal(toStderr) }));
      return;
    }
    if (args.length >= 1) {
      try {
        traverse(this.root, args, this.io);
      } catch (e) {
        if (e instanceof FlagParseError) {
          this.write(toStderr, e.message + '\n');
          return;
        }
        throw e;
      }
    }
    const err = this.unsupported(cmd);
    if (err) {
      this.write(toStderr, err + '\n');
      return;
    }
    this.hideUnsupported(cmd);
    this.write(toStderr, usageString(cmd, { width: this.opts.width, outIsTerminal: this.terminal(toStderr) }));
  }

  private stackAncestor(cmd: Command): Command | undefined {
    for (let c: Command | undefined = cmd; c; c = c.parent) {
      if (c.parent === this.root && c.name === 'stack') return c;
    }
    return undefined;
  }

  /** FlagErrorFunc as docker wraps it */
  flagError(cmd: Command, err: string): CliError {
    const unsupported = this.unsupported(cmd);
    if (unsupported) return new CliError(unsupported);
    this.hideUnsupported(cmd);
    return new CliError(`${err}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.path} --help' for more information`, 125);
  }

  // ---------------------------------------------------------------- arguments

  validateArgs(cmd: Command, args: readonly string[]): string | undefined {
    const rule = cmd.spec.args ?? { kind: 'any' };
    const p = cmd.path;
    const bin = this.root.name;
    const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
    const usage = `\n\nUsage:  ${cmd.useLine}\n\n`;
    switch (rule.kind) {
      case 'any':
        return undefined;
      case 'none':
        if (args.length === 0) return undefined;
        if (cmd.hasSubCommands()) return `${bin}: unknown command: ${p} ${args[0]}${usage}Run '${p} --help' for more information`;
        return `${bin}: '${p}' accepts no arguments${usage}Run '${p} --help' for more information`;
      case 'min':
        if (args.length >= rule.n) return undefined;
        return `${bin}: '${p}' requires at least ${rule.n} ${plural(rule.n)}${usage}See '${p} --help' for more information`;
      case 'max':
        if (args.length <= rule.n) return undefined;
        return `${bin}: '${p}' requires at most ${rule.n} ${plural(rule.n)}${usage}SRun '${p} --help' for more information`;
      case 'range':
        if (args.length >= rule.min && args.length <= rule.max) return undefined;
        return `${bin}: '${p}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}${usage}Run '${p} --help' for more information`;
      case 'exact':
        if (args.length === rule.n) return undefined;
        return `${bin}: '${p}' requires ${rule.n} ${plural(rule.n)}${usage}Run '${p} --help' for more information`;
      case 'cobraExact':
        if (args.length === rule.n) return undefined;
        return `accepts ${rule.n} arg(s), received ${args.length}`;
      case 'scale': {
        if (args.length < 1) return `${bin}: '${p}' requires at least 1 argument${usage}See '${p} --help' for more information`;
        for (const arg of args) {
          const eq = arg.indexOf('=');
          if (eq <= 0 || eq === arg.length - 1) {
            return `invalid scale specifier '${arg}'.\nSee '${p} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.spec.short}`;
          }
        }
        return undefined;
      }
    }
  }

  // ---------------------------------------------------------------- global options

  /** DockerCli.Initialize: the checks it makes before anything else */
  initialize(): CliError | undefined {
    const fs = this.root.flags();
    const level = fs.lookup('log-level')!.value.get() as string;
    if (level !== '' && !['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'].includes(level.toLowerCase())) {
      return new CliError(`Unable to parse logging level: ${level}`);
    }
    const context = fs.lookup('context')!.value.get() as string;
    const hosts = fs.lookup('host')!.value.get() as string[];
    if (context !== '' && hosts.length > 0) return new CliError('conflicting options: cannot specify both --host and --context');
    return undefined;
  }

  /** processBuilder: `docker build` and friends without the buildx plugin */
  processBuilder(args: readonly string[]): CliError | undefined {
    let buildKitDisabled = false;
    let useBuilder = false;
    const v = this.env.DOCKER_BUILDKIT;
    if (v) {
      let enabled: boolean;
      try {
        enabled = parseBool(v);
      } catch (e) {
        return new CliError(`DOCKER_BUILDKIT environment variable expects boolean value: ${(e as Error).message}`);
      }
      if (!enabled) buildKitDisabled = true;
      else useBuilder = true;
    }
    if (buildKitDisabled && args[0] === 'bake') buildKitDisabled = false;
    const forwarded = args[0] === 'bake' || args[0] === 'builder' || args[0] === 'build' || (args[0] === 'image' && args[1] === 'build');
    if (!forwarded) return undefined;
    if (!useBuilder) {
      const s = this.server();
      if (s.builderVersion !== '2' && s.osType === 'windows') return undefined;
    }
    if (buildKitDisabled) {
      if (this.server().osType !== 'windows') {
        this.io.stderr +=
          'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
          '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
          '            environment-variable.\n\n';
      }
      return undefined;
    }
    if (args[0] === 'bake') {
      return new CliError(
        'ERROR: docker bake requires the buildx component but it is missing or broken.\n' +
          '       Install the buildx component to use bake:\n' +
          '       https://docs.docker.com/go/buildx/',
      );
    }
    if (useBuilder) {
      return new CliError(
        'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n' +
          '       Install the buildx component to build images with BuildKit:\n' +
          '       https://docs.docker.com/go/buildx/',
      );
    }
    this.io.stderr +=
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
      '            Install the buildx component to build images with BuildKit:\n' +
      '            https://docs.docker.com/go/buildx/\n\n';
    return undefined;
  }

  // ---------------------------------------------------------------- the run

  run(argv: readonly string[]): ParseResult {
    // HandleGlobalFlags: the root's flags, up to the first non-flag word
    const globals = new FlagSet(false);
    for (const f of this.root.ownFlags()) globals.add(f);
    try {
      globals.parse(argv);
    } catch (e) {
      if (!(e instanceof FlagParseError)) throw e;
      this.io.stderr += globals.output;
      const init = this.initialize();
      if (init) return this.fail(init);
      return this.fail(this.flagError(this.root, e.message));
    }
    this.io.stderr += globals.output;
    const args = globals.args;

    const init = this.initialize();
    if (init) return this.fail(init);
    const builder = this.processBuilder(args);
    if (builder) return this.fail(builder);

    // cobra ExecuteC with TraverseChildren
    let cmd: Command;
    let rest: string[];
    try {
      ({ cmd, args: rest } = traverse(this.root, args, this.io));
    } catch (e) {
      if (e instanceof FlagParseError) return this.fail(new CliError(e.message));
      throw e;
    }
    const r = this.execute(cmd, rest);
    if (r === 'help') {
      this.help(cmd, args, false);
      return this.exit(0);
    }
    return r;
  }

  private execute(cmd: Command, a: readonly string[]): ParseResult | 'help' {
    try {
      parseFlags(cmd, a, this.io);
    } catch (e) {
      if (e instanceof FlagParseError) return this.fail(this.flagError(cmd, e.message));
      throw e;
    }
    const fs = cmd.flags();
    if (fs.lookup('help')?.value.get() === true) return 'help';
    if (!cmd.parent && fs.lookup('version')?.value.get() === true) {
      this.io.stdout += CLI_VERSION_LINE + '\n';
      return this.exit(0);
    }
    const args = fs.args;
    // ValidateArgs, wrapped by docker with the feature check
    const unsupported = this.unsupported(cmd);
    if (unsupported) return this.fail(new CliError(unsupported));
    const argErr = this.validateArgs(cmd, args);
    if (argErr !== undefined) return this.fail(new CliError(argErr));
    // PersistentPreRunE (the help command has its own, which does nothing)
    if (!cmd.isHelp) {
      const err = this.unsupported(cmd);
      if (err) return this.fail(new CliError(err));
    }
    if (cmd.spec.helpWithoutFlags && fs.nFlag() === 0) return 'help';

    if (cmd.isHelp) return this.helpCommand(args);
    if (!cmd.parent) {
      if (args.length === 0) {
        this.help(cmd, args, true);
        return this.exit(0);
      }
      return this.fail(new CliError(`docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information`));
    }
    switch (cmd.spec.action ?? 'run') {
      case 'showHelp':
      case 'bakeStub':
        this.help(cmd, args, true);
        return this.exit(0);
      case 'usageToStderr':
        this.io.stderr += '\n' + usageString(cmd, { width: this.opts.width, outIsTerminal: this.terminal(true) });
        return this.exit(0);
      case 'run':
        return {
          kind: 'run',
          path: cmd.pathNames,
          commandPath: cmd.path,
          useLine: cmd.useLine,
          command: cmd.spec,
          flags: new ParsedFlags(fs),
          globals: new ParsedFlags(this.root.flags()),
          args: [...args],
          argsLenAtDash: fs.argsLenAtDash,
          stdout: this.io.stdout,
          stderr: this.io.stderr,
          server: this.serverIfKnown(),
        };
    }
  }

  /** `docker help [command]` */
  private helpCommand(args: readonly string[]): ExitResult {
    const found = find(this.root, args);
    if (found.error !== undefined || found.args.length > 0) {
      return this.fail(new CliError(`unknown help topic: ${found.args.join(' ')}`));
    }
    this.help(found.cmd, [], false);
    return this.exit(0);
  }
}

/**
 * Parse a docker command line (argv without the program name) the way docker CLI 28.2.2 does.
 * Pure: it never touches the daemon beyond the `daemon` ping answer it is given.
 */
export function parseDockerCommandLine(argv: readonly string[], opts: ParseOptions = {}): ParseResult {
  return new Invocation(opts).run(argv);
}

/** The text `docker <path...> --help` prints (stdout), for a daemon in the given state. */
export function dockerHelpText(path: readonly string[], opts: ParseOptions = {}): string {
  const r = parseDockerCommandLine([...path, '--help'], opts);
  return r.kind === 'exit' ? r.stdout : '';
}
