// The shape of docksim's docker command table: every command the docker CLI 28.2.2 knows
// (cobra commands), their flags (pflag flags) and the rules the parser applies to them.

/**
 * How a flag's value is parsed and stored. Each kind mirrors one Go flag value type of the
 * docker CLI (pflag built-ins and the option types of docker/cli's `opts` packages).
 */
export type FlagKind =
  // pflag built-ins
  | 'bool'
  | 'string'
  | 'int' // int and int64: strconv.ParseInt(s, 0, 64)
  | 'int32'
  | 'uint' // uint and uint64: strconv.ParseUint(s, 0, 64)
  | 'uint16'
  | 'uint32'
  | 'float64'
  | 'float32'
  | 'duration' // time.ParseDuration
  | 'stringSlice' // comma separated (CSV), appended on repeat
  | 'stringArray' // appended on repeat, no splitting
  | 'stringToString' // k=v pairs, CSV
  | 'ipNetSlice'
  // docker/cli option types
  | 'list' // opts.ListOpts, optionally with a validator
  | 'map' // opts.MapOpts, optionally with a validator
  | 'filter' // opts.FilterOpt
  | 'bytes' // opts.MemBytes
  | 'swapBytes' // opts.MemSwapBytes (accepts -1)
  | 'decimal' // opts.NanoCPUs
  | 'throttleDevice' // opts.ThrottledeviceOpt (validator: throttleBps | throttleIops)
  | 'weightDevice' // opts.WeightdeviceOpt
  | 'ulimit' // opts.UlimitOpt
  | 'mount' // opts.MountOpt
  | 'network' // opts.NetworkOpt
  | 'gpus' // opts.GpuOpts
  | 'port' // swarmopts.PortOpt
  | 'secret' // swarmopts.SecretOpt
  | 'config' // swarmopts.ConfigOpt
  | 'pref' // service placementPrefOpts
  | 'credentialSpec' // service credentialSpecOpt
  | 'command' // service ShlexOpt
  | 'externalCA' // swarm ExternalCAOption
  | 'pemFile' // swarm PEMFile (reads the file: checked when the command runs)
  | 'nodeAddr' // swarm NodeAddrOption
  | 'uint64Opt' // service Uint64Opt
  | 'floatOpt' // service floatValue (float32)
  | 'durationOpt' // opts.DurationOpt
  | 'positiveDuration' // opts.PositiveDurationOpt
  | 'quotedString'; // opts.QuotedString

/** Validators docker attaches to list/map options (`opts.NewListOpts(validator)`). */
export type ValidatorName =
  | 'attach'
  | 'ipAddress'
  | 'dnsSearch'
  | 'deviceCgroupRule'
  | 'env'
  | 'extraHost'
  | 'label'
  | 'link'
  | 'sysctl'
  | 'tag'
  | 'throttleBps'
  | 'throttleIops'
  | 'weightDevice'
  | 'genericResource';

/** Feature annotations: the flag is hidden / refused depending on the daemon's ping answer. */
export interface FeatureAnnotations {
  /** minimum API version ("1.25") */
  version?: string;
  /** only on a daemon of this OS type ("linux" | "windows") */
  ostype?: string;
  /** needs a daemon with experimental features */
  experimental?: boolean;
  /** swarm requirement: "manager", "active" or "" (swarm related, no requirement) */
  swarm?: string;
}

export interface FlagSpec {
  name: string;
  /** one-letter shorthand */
  short?: string;
  kind: FlagKind;
  /** validator for list / map / throttleDevice / weightDevice kinds */
  validate?: ValidatorName;
  /** usage text as printed by `--help` (no back-quoted names are used by docker) */
  usage: string;
  /** pflag's DefValue (the string form of the default); absent means the zero value */
  def?: string;
  hidden?: boolean;
  /** pflag MarkDeprecated message (a deprecated flag is hidden and warns when used) */
  deprecated?: string;
  /** pflag MarkShorthandDeprecated message */
  shorthandDeprecated?: string;
  annotations?: FeatureAnnotations;
  /** the default depends on the environment (see EnvDefault); `def` is its value in a bare environment */
  envDefault?: EnvDefault;
  /** name of another flag of the same command whose value this flag writes to (e.g. --net → --network) */
  shares?: string;
  /** the flag is inherited by subcommands (cobra persistent flag) */
  persistent?: boolean;
}

/**
 * Defaults the docker CLI computes from its environment when it defines the flag.
 * - config / tlscacert / tlscert / tlskey: the config directory ($DOCKER_CONFIG, else ~/.docker;
 *   the TLS files live in $DOCKER_CERT_PATH when set)
 * - DOCKER_TLS / DOCKER_TLS_VERIFY: true when the variable is non-empty
 * - DOCKER_DEFAULT_PLATFORM: its value
 * - DOCKER_CONTENT_TRUST: --disable-content-trust defaults to false when content trust is enabled
 */
export type EnvDefault =
  | 'config'
  | 'tlscacert'
  | 'tlscert'
  | 'tlskey'
  | 'DOCKER_TLS'
  | 'DOCKER_TLS_VERIFY'
  | 'DOCKER_DEFAULT_PLATFORM'
  | 'DOCKER_CONTENT_TRUST';

/** cobra.PositionalArgs used by docker commands (cli/required.go and cobra's own). */
export type ArgsRule =
  | { kind: 'none' } // cli.NoArgs
  | { kind: 'min'; n: number } // cli.RequiresMinArgs
  | { kind: 'max'; n: number } // cli.RequiresMaxArgs
  | { kind: 'exact'; n: number } // cli.ExactArgs
  | { kind: 'range'; min: number; max: number } // cli.RequiresRangeArgs
  | { kind: 'cobraExact'; n: number } // cobra.ExactArgs
  | { kind: 'scale' } // service scale: SERVICE=REPLICAS arguments
  | { kind: 'any' }; // no Args set: anything goes

export interface CommandAnnotations extends FeatureAnnotations {
  /** position in the "Common Commands" section of `docker --help` */
  categoryTop?: string;
  /** the "Aliases:" text, when docker sets it explicitly */
  aliases?: string;
  /** command is an experimental CLI feature (prints the EXPERIMENTAL: notice in its help) */
  experimentalCLI?: boolean;
  /** root only: the closing line of `docker --help` */
  additionalHelp?: string;
}

/**
 * What the command does when it is run, as far as the grammar is concerned.
 * - 'run': the command proper (the caller executes it)
 * - 'showHelp': management command without subcommand: help on stderr, exit 0
 * - 'usageToStderr': `docker manifest`: a newline then the usage on stderr, exit 0
 * - 'bakeStub': `docker bake` without buildx
 */
export type CommandAction = 'run' | 'showHelp' | 'usageToStderr' | 'bakeStub';

export interface CommandSpec {
  /** cobra Use: name followed by the argument synopsis */
  use: string;
  aliases?: string[];
  short: string;
  /** shown instead of `short` in the command's own help */
  long?: string;
  annotations?: CommandAnnotations;
  hidden?: boolean;
  args?: ArgsRule;
  action?: CommandAction;
  /** false for commands that stop parsing flags at the first positional argument */
  interspersed?: boolean;
  /** `docker swarm update`: with no flag set, the help is printed instead (PreRunE) */
  helpWithoutFlags?: boolean;
  flags: FlagSpec[];
  subcommands?: CommandSpec[];
  /** a top-level shortcut hidden (and stripped of its aliases) when DOCKER_HIDE_LEGACY_COMMANDS is set */
  legacy?: boolean;
  /** docksim implements this command (others parse, print help, and are refused when run) */
  simulated?: boolean;
}
