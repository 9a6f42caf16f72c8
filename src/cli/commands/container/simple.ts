// The container commands that make one request per argument and echo the argument on success
// (stop, kill, rm, pause, unpause, restart, update), and the small single-container ones
// (wait, rename, port, top, diff).

import { CliError, errorText, isNotFound, type Cli, type Invocation } from '../../cli';
import { TabWriter, writeFormatted, headerContext, GoStruct } from '../../format';
import { naturalLess } from '../../sortorder';

export function containerPath(id: string, rest = ''): string {
  return `/containers/${encodeURIComponent(id)}${rest}`;
}

/** client trimID */
export function trimID(objType: string, id: string): string {
  const t = id.trim();
  if (t === '') throw new CliError(`invalid ${objType} name or ID: value is empty`);
  return t;
}

/** parallelOperation + the printing loop: results in argument order, errors joined */
async function eachContainer(cli: Cli, names: string[], op: (name: string) => Promise<void>, onError?: (name: string, e: unknown) => boolean): Promise<void> {
  const results = await Promise.all(
    names.map((n) =>
      op(n).then(
        () => undefined,
        (e) => (e instanceof Error ? e : new Error(String(e))),
      ),
    ),
  );
  const errs: string[] = [];
  names.forEach((name, i) => {
    const e = results[i];
    if (e) {
      if (onError?.(name, e)) return;
      errs.push(errorText(cli.transportError(e)));
      return;
    }
    cli.out(name + '\n');
  });
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

export async function runStop(cli: Cli, inv: Invocation, restart = false): Promise<void> {
  const f = inv.flags;
  const query: Record<string, string> = {};
  if (f.changed('timeout') || f.changed('time')) query.t = String(f.get<number>('timeout'));
  const sig = f.get<string>('signal');
  if (sig !== '') query.signal = sig;
  const op = async (name: string) => {
    await cli.request('POST', containerPath(trimID('container', name), restart ? '/restart' : '/stop'), { query });
  };
  if (!restart) return eachContainer(cli, inv.args, op);
  // restart runs one container after the other
  const errs: string[] = [];
  for (const name of inv.args) {
    try {
      await op(name);
      cli.out(name + '\n');
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
    }
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

export async function runKill(cli: Cli, inv: Invocation): Promise<void> {
  const sig = inv.flags.get<string>('signal');
  await eachContainer(cli, inv.args, async (name) => {
    await cli.request('POST', containerPath(trimID('container', name), '/kill'), { query: sig !== '' ? { signal: sig } : {} });
  });
}

export async function runRm(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const force = f.get<boolean>('force');
  const query: Record<string, string> = {};
  if (f.get<boolean>('volumes')) query.v = '1';
  if (f.get<boolean>('link')) query.link = '1';
  if (force) query.force = '1';
  await eachContainer(
    cli,
    inv.args,
    async (name) => {
      const id = name.replace(/^\/+|\/+$/g, '');
      if (id === '') throw new CliError('container name cannot be empty');
      await cli.request('DELETE', containerPath(trimID('container', id)), { query });
    },
    (_name, e) => {
      if (force && isNotFound(e)) {
        cli.err(errorText(e) + '\n');
        return true;
      }
      return false;
    },
  );
}

export async function runPause(cli: Cli, inv: Invocation, pause: boolean): Promise<void> {
  await eachContainer(cli, inv.args, async (name) => {
    await cli.request('POST', containerPath(trimID('container', name), pause ? '/pause' : '/unpause'));
  });
}

export async function runWait(cli: Cli, inv: Invocation): Promise<void> {
  const errs: string[] = [];
  for (const name of inv.args) {
    try {
      const res = await cli.request('POST', containerPath(trimID('container', name), '/wait'));
      const text = await res.text();
      let r: { StatusCode: number };
      try {
        r = JSON.parse(text);
      } catch {
        throw new Error(text);
      }
      cli.out(`${r.StatusCode}\n`);
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
    }
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

export async function runRename(cli: Cli, inv: Invocation): Promise<void> {
  const oldName = inv.args[0]!.trim();
  const newName = inv.args[1]!.trim();
  if (oldName === '' || newName === '') throw new CliError('Error: Neither old nor new names may be empty');
  try {
    await cli.request('POST', containerPath(trimID('container', oldName), '/rename'), { query: { name: newName } });
  } catch (e) {
    cli.err(errorText(cli.transportError(e)) + '\n');
    throw new CliError(`Error: failed to rename container named ${oldName}`);
  }
}

/** net.JoinHostPort */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function runPort(cli: Cli, inv: Invocation): Promise<void> {
  const name = inv.args[0]!;
  const c = await cli.json<{ NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null> | null } }>('GET', containerPath(trimID('container', name), '/json'));
  const ports = c.NetworkSettings?.Ports ?? {};
  const out: string[] = [];
  if (inv.args.length > 1) {
    const spec = inv.args[1]!;
    const slash = spec.indexOf('/');
    const port = slash < 0 ? spec : spec.slice(0, slash);
    let proto = slash < 0 ? '' : spec.slice(slash + 1);
    if (proto === '') proto = 'tcp';
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      const reason = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
      throw new CliError(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${reason}`);
    }
    const frontends = ports[`${port}/${proto}`];
    if (!frontends || frontends.length === 0) throw new CliError(`Error: No public port '${spec}' published for ${name}`);
    for (const fe of frontends) out.push(joinHostPort(fe.HostIp, fe.HostPort));
  } else {
    for (const [from, frontends] of Object.entries(ports)) {
      for (const fe of frontends ?? []) out.push(`${from} -> ${joinHostPort(fe.HostIp, fe.HostPort)}`);
    }
  }
  if (out.length > 0) {
    out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    cli.out(out.join('\n') + '\n');
  }
}

export async function runTop(cli: Cli, inv: Invocation): Promise<void> {
  const [name, ...psArgs] = inv.args;
  const query: Record<string, string> = {};
  if (psArgs.length > 0) query.ps_args = psArgs.join(' ');
  const top = await cli.json<{ Titles: string[]; Processes: string[][] }>('GET', containerPath(trimID('container', name!), '/top'), { query });
  const w = new TabWriter(20, 1, 3, ' ', 0);
  w.write(top.Titles.join('\t') + '\n');
  for (const p of top.Processes ?? []) w.write(p.join('\t') + '\n');
  cli.out(w.flush());
}

const CHANGE_KINDS = ['C', 'A', 'D'];

export async function runDiff(cli: Cli, inv: Invocation): Promise<void> {
  const name = inv.args[0]!;
  if (name === '') throw new CliError('Container name cannot be empty');
  const changes = await cli.json<{ Path: string; Kind: number }[] | null>('GET', containerPath(trimID('container', name), '/changes'));
  const items = (changes ?? []).map(
    (c) =>
      new GoStruct('*container.diffContext', {}, { Type: () => CHANGE_KINDS[c.Kind] ?? '', Path: () => c.Path }, { json: () => ({ Path: c.Path, Type: CHANGE_KINDS[c.Kind] ?? '' }) }),
  );
  cli.out(writeFormatted('{{.Type}} {{.Path}}', headerContext({ Type: 'CHANGE TYPE', Path: 'PATH' }), items));
}

export async function runUpdate(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  if (f.setNames().length === 0) throw new CliError('you must provide one or more flags when using this command');
  let restartPolicy = { Name: '', MaximumRetryCount: 0 };
  const restart = f.get<string>('restart');
  if (restart !== '') {
    const i = restart.indexOf(':');
    const k = i < 0 ? restart : restart.slice(0, i);
    const v = i < 0 ? '' : restart.slice(i + 1);
    if (i >= 0 && k === '') throw new CliError('invalid restart policy format: no policy provided before colon');
    let count = 0;
    if (v !== '') {
      if (!/^[+-]?\d+$/.test(v)) throw new CliError('invalid restart policy format: maximum retry count must be an integer');
      count = Number.parseInt(v, 10);
    }
    restartPolicy = { Name: k, MaximumRetryCount: count };
  }
  const pids = f.get<number>('pids-limit');
  const body = {
    CpuShares: f.get<number>('cpu-shares'),
    Memory: f.get<number>('memory'),
    NanoCpus: f.get<number>('cpus'),
    CgroupParent: '',
    BlkioWeight: f.get<number>('blkio-weight'),
    BlkioWeightDevice: null,
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    CpuPeriod: f.get<number>('cpu-period'),
    CpuQuota: f.get<number>('cpu-quota'),
    CpuRealtimePeriod: f.get<number>('cpu-rt-period'),
    CpuRealtimeRuntime: f.get<number>('cpu-rt-runtime'),
    CpusetCpus: f.get<string>('cpuset-cpus'),
    CpusetMems: f.get<string>('cpuset-mems'),
    Devices: null,
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: f.get<number>('kernel-memory') || undefined,
    MemoryReservation: f.get<number>('memory-reservation'),
    MemorySwap: f.get<number>('memory-swap'),
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: pids !== 0 ? pids : null,
    Ulimits: null,
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    RestartPolicy: restartPolicy,
  };
  const warns: string[] = [];
  const errs: string[] = [];
  for (const name of inv.args) {
    try {
      const r = await (await cli.send('POST', containerPath(trimID('container', name), '/update'), body)).json();
      cli.out(name + '\n');
      warns.push(...((r as { Warnings?: string[] | null }).Warnings ?? []));
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
    }
  }
  if (warns.length > 0) cli.out(warns.join('\n') + '\n');
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}

