// Checks the docker CLI makes on a parsed command line before it talks to the daemon (beyond the
// checks of flag parsing itself): those of `docker run` / `docker create` (cli/command/container
// opts.go parse(), run.go runContainer) and the --time/--timeout conflict of stop and restart.
// Only the pure ones; see src/cli/spec/README.md for what is left to the commands.
import type { ExitResult, RunResult } from './docker';
import { GoError } from './go';
import { parsePortRange, parsePortSpec } from './ports';
import type { NetworkAttachment } from './values';

export interface CheckOptions {
  /** the CLI's stdin is a terminal (`docker run -it` needs one) */
  stdinIsTerminal?: boolean;
}

/** net.ParseMAC */
export function isValidMAC(s: string): boolean {
  const hex2 = /^[0-9a-fA-F]{2}$/;
  const hex4 = /^[0-9a-fA-F]{4}$/;
  for (const sep of [':', '-']) {
    const parts = s.split(sep);
    if ([6, 8, 20].includes(parts.length) && parts.every((p) => hex2.test(p))) return true;
  }
  const dotted = s.split('.');
  return [3, 4, 10].includes(dotted.length) && dotted.every((p) => hex4.test(p));
}

function containerMode(v: string): boolean {
  const i = v.indexOf(':');
  return i >= 0 && v.slice(0, i) === 'container' && v.slice(i + 1) !== '';
}

function isUserDefinedNetwork(n: string): boolean {
  const i = n.indexOf(':');
  const isContainer = i >= 0 && n.slice(0, i) === 'container';
  return n !== 'default' && n !== 'bridge' && n !== 'host' && n !== 'none' && !isContainer;
}

/** parse() of cli/command/container/opts.go: the first error, or undefined */
function containerOptionsError(r: RunResult): string | undefined {
  const f = r.flags;
  const get = <T>(n: string) => f.get<T>(n);
  const macAddress = get<string>('mac-address');
  if (macAddress !== '' && !isValidMAC(macAddress.trim())) return `${macAddress} is not a valid mac address`;
  const swappiness = get<number>('memory-swappiness');
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    return `invalid value: ${swappiness}. Valid memory swappiness range is 0-100`;
  }
  try {
    for (const publish of get<string[]>('publish')) {
      let spec = publish;
      if (publish.includes('=')) {
        const params: Record<string, string> = { protocol: 'tcp' };
        for (const param of publish.split(',')) {
          const eq = param.indexOf('=');
          if (eq <= 0) return `invalid publish opts format (should be name=value but got '${param}')`;
          params[param.slice(0, eq)] = param.slice(eq + 1);
        }
        spec = `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
      }
      parsePortSpec(spec);
    }
  } catch (e) {
    if (e instanceof GoError) return e.message;
    throw e;
  }
  for (const e of get<string[]>('expose')) {
    if (e.includes(':')) return `invalid port format for --expose: ${e}`;
    const parts = e.split('/');
    const port = e === '' || parts[0] === '' ? '' : parts[0];
    try {
      parsePortRange(port);
    } catch (err) {
      return `invalid range format for --expose: ${e}, error: ${(err as Error).message}`;
    }
  }
  const pid = get<string>('pid');
  if (!(pid === '' || pid === 'host' || containerMode(pid))) return '--pid: invalid PID mode';
  const uts = get<string>('uts');
  if (!(uts === '' || uts === 'host')) return '--uts: invalid UTS mode';
  const userns = get<string>('userns');
  if (!(userns === '' || userns === 'host')) return '--userns: invalid USER mode';
  const cgroupns = get<string>('cgroupns');
  if (!(cgroupns === '' || cgroupns === 'host' || cgroupns === 'private')) return '--cgroupns: invalid CGROUP mode';
  const restart = get<string>('restart');
  let restartName = '';
  if (restart !== '') {
    const colon = restart.indexOf(':');
    const k = colon < 0 ? restart : restart.slice(0, colon);
    const v = colon < 0 ? '' : restart.slice(colon + 1);
    if (colon >= 0 && k === '') return 'invalid restart policy format: no policy provided before colon';
    if (v !== '' && !/^[+-]?[0-9]+$/.test(v)) return 'invalid restart policy format: maximum retry count must be an integer';
    restartName = k;
  }
  if (get<string>('log-driver') === 'none' && get<string[]>('log-opt').length > 0) return 'invalid logging opts for driver none';
  for (const opt of get<string[]>('security-opt')) {
    let i = opt.indexOf('=');
    let k = i < 0 ? opt : opt.slice(0, i);
    if (i < 0 && k !== 'no-new-privileges') {
      i = opt.indexOf(':');
      k = i < 0 ? opt : opt.slice(0, i);
    }
    const v = i < 0 ? '' : opt.slice(i + 1);
    if ((i < 0 || v === '') && k !== 'no-new-privileges') return `Invalid --security-opt: ${JSON.stringify(opt)}`;
  }
  for (const opt of get<string[]>('storage-opt')) if (!opt.includes('=')) return 'invalid storage option';
  const haveHealth =
    get<string>('health-cmd') !== '' ||
    get<bigint>('health-interval') !== 0n ||
    get<bigint>('health-timeout') !== 0n ||
    get<bigint>('health-start-period') !== 0n ||
    get<number>('health-retries') !== 0 ||
    get<bigint>('health-start-interval') !== 0n;
  if (get<boolean>('no-healthcheck')) {
    if (haveHealth) return '--no-healthcheck conflicts with --health-* options';
  } else if (haveHealth) {
    if (get<bigint>('health-interval') < 0n) return '--health-interval cannot be negative';
    if (get<bigint>('health-timeout') < 0n) return '--health-timeout cannot be negative';
    if (get<number>('health-retries') < 0) return '--health-retries cannot be negative';
    if (get<bigint>('health-start-period') < 0n) return '--health-start-period cannot be negative';
    if (get<bigint>('health-start-interval') < 0n) return '--health-start-interval cannot be negative';
  }
  if (get<boolean>('rm') && restartName !== '' && restartName !== 'no') {
    return 'conflicting options: cannot specify both --restart and --rm';
  }
  return networkOptionsError(r);
}

function networkOptionsError(r: RunResult): string | undefined {
  const f = r.flags;
  const aliases = f.get<string[]>('network-alias');
  const links = f.get<string[]>('link');
  const ip = f.get<string>('ip');
  const ip6 = f.get<string>('ip6');
  const mac = f.get<string>('mac-address');
  const linkLocal = f.get<string[]>('link-local-ip');
  const networks = f.get<NetworkAttachment[]>('network');
  const apply = (n: NetworkAttachment): string | undefined => {
    if ((n.Aliases?.length ?? 0) > 0 && aliases.length > 0) return 'conflicting options: cannot specify both --network-alias and per-network alias';
    if (n.IPv4Address && ip) return 'conflicting options: cannot specify both --ip and per-network IPv4 address';
    if (n.IPv6Address && ip6) return 'conflicting options: cannot specify both --ip6 and per-network IPv6 address';
    if (n.MacAddress && mac) return 'conflicting options: cannot specify both --mac-address and per-network MAC address';
    if ((n.LinkLocalIPs?.length ?? 0) > 0 && linkLocal.length > 0) {
      return 'conflicting options: cannot specify both --link-local-ip and per-network link-local IP addresses';
    }
    return undefined;
  };
  const attachment = (n: NetworkAttachment, first: boolean): string | undefined => {
    const merged: NetworkAttachment = { ...n };
    if (first) {
      if (aliases.length > 0) merged.Aliases = [...aliases];
      if (ip) merged.IPv4Address = ip;
      if (ip6) merged.IPv6Address = ip6;
      if (mac) merged.MacAddress = mac;
    }
    const links2 = first && isUserDefinedNetwork(n.Target) ? links : [];
    if (n.Target.trim() === '') return 'no name set for network';
    if (!isUserDefinedNetwork(n.Target)) {
      if ((merged.Aliases?.length ?? 0) > 0) return 'network-scoped aliases are only supported for user-defined networks';
      if (links2.length > 0) return 'links are only supported for user-defined networks';
    }
    if (merged.MacAddress && !isValidMAC(merged.MacAddress.trim())) return `${merged.MacAddress} is not a valid mac address`;
    return undefined;
  };
  if (networks.length === 0) {
    const n: NetworkAttachment = { Target: 'default' };
    return apply(n) ?? attachment(n, true);
  }
  let userDefined = false;
  let nonUserDefined = false;
  const seen = new Set<string>();
  for (let i = 0; i < networks.length; i++) {
    const n = networks[i];
    if (isUserDefinedNetwork(n.Target)) userDefined = true;
    else nonUserDefined = true;
    if (i === 0) {
      const err = apply(n);
      if (err) return err;
    }
    const err = attachment(n, i === 0);
    if (err) return err;
    if (seen.has(n.Target)) return `network ${JSON.stringify(n.Target)} is specified multiple times`;
    if (!(i === 0 && networks.length === 1)) seen.add(n.Target);
  }
  if (userDefined && nonUserDefined) return 'conflicting options: cannot attach both user-defined and non-user-defined network-modes';
  return undefined;
}

function exitWith(r: RunResult, message: string, code: number): ExitResult {
  return { kind: 'exit', stdout: r.stdout, stderr: r.stderr + message + '\n', exitCode: code };
}

/**
 * The checks that follow parsing and precede any API call for the command in `r`.
 * Returns what the CLI prints and its exit code when one fails, undefined otherwise.
 */
export function checkBeforeDaemon(r: RunResult, opts: CheckOptions = {}): ExitResult | undefined {
  const path = r.path.join(' ');
  const container = path === 'run' || path === 'create' || path === 'container run' || path === 'container create';
  if (container) {
    const name = path.endsWith('run') ? 'run' : 'create';
    const withHelp = (msg: string) => exitWith(r, `docker: ${msg}\n\nRun 'docker ${name} --help' for more information`, 125);
    const pull = r.flags.get<string>('pull');
    if (!['always', 'missing', 'never', ''].includes(pull)) {
      return withHelp(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
    }
    const err = containerOptionsError(r);
    if (err) return withHelp(err);
    if (name === 'run') {
      const attach = r.flags.get<string[]>('attach');
      if (r.flags.get<boolean>('detach')) {
        if (attach.length !== 0) return exitWith(r, 'conflicting options: cannot specify both --attach and --detach', 1);
      } else {
        const attachStdin = attach.includes('stdin') || r.flags.get<boolean>('interactive');
        if (r.flags.get<boolean>('tty') && attachStdin && !opts.stdinIsTerminal) return exitWith(r, 'the input device is not a TTY', 1);
      }
    }
    return undefined;
  }
  if (['stop', 'restart', 'container stop', 'container restart'].includes(path)) {
    if (r.flags.changed('timeout') && r.flags.changed('time')) {
      return exitWith(r, 'conflicting options: cannot specify both --timeout and --time', 1);
    }
  }
  return undefined;
}
