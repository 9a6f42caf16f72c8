// docker stats (cli/command/container/stats.go, stats_helpers.go, formatter_stats.go): one
// collector per container reading /containers/{id}/stats, a table written every 500 ms, redrawn
// in place (cursor home, erase to end of line, erase below) unless --no-stream.

import { truncateID } from '../../../reference';
import { bytesSize, formatFloat, humanSizeWithPrecision } from '../../../units';
import { CliError, errorText, type Cli, type Invocation } from '../../cli';
import { loadConfigFile } from '../../config';
import { FormatError, GoStruct, headerContext, writeFormatted } from '../../format';
import { filtersParam, withFilter } from '../filters';
import { containerPath } from './simple';

interface StatsResponse {
  name: string;
  id: string;
  pids_stats?: { current?: number };
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  cpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] | null }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
}

interface StatsEntry {
  container: string;
  name: string;
  id: string;
  cpu: number;
  mem: number;
  memLimit: number;
  memPerc: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  pids: number;
  invalid: boolean;
}

class Stats {
  entry: StatsEntry;
  err: unknown;
  constructor(container: string) {
    this.entry = { container, name: '', id: '', cpu: 0, mem: 0, memLimit: 0, memPerc: 0, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, pids: 0, invalid: false };
  }
  setError(e: unknown) {
    this.err = e;
    if (e) this.entry.invalid = true;
  }
  setErrorAndReset(e: unknown) {
    Object.assign(this.entry, { cpu: 0, mem: 0, memPerc: 0, memLimit: 0, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, pids: 0, invalid: true });
    this.err = e;
  }
}

function entryOf(v: StatsResponse, container: string): StatsEntry {
  const prevCPU = v.precpu_stats?.cpu_usage?.total_usage ?? 0;
  const prevSystem = v.precpu_stats?.system_cpu_usage ?? 0;
  const cpuDelta = (v.cpu_stats?.cpu_usage?.total_usage ?? 0) - prevCPU;
  const systemDelta = (v.cpu_stats?.system_cpu_usage ?? 0) - prevSystem;
  let online = v.cpu_stats?.online_cpus ?? 0;
  if (online === 0) online = (v.cpu_stats?.cpu_usage?.percpu_usage ?? []).length;
  const cpu = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
  let blkRead = 0;
  let blkWrite = 0;
  for (const e of v.blkio_stats?.io_service_bytes_recursive ?? []) {
    const c = e.op[0];
    if (c === 'r' || c === 'R') blkRead += e.value;
    else if (c === 'w' || c === 'W') blkWrite += e.value;
  }
  const m = v.memory_stats ?? {};
  const usage = m.usage ?? 0;
  const st = m.stats ?? {};
  let mem = usage;
  if ('total_inactive_file' in st && st.total_inactive_file! < usage) mem = usage - st.total_inactive_file!;
  else if ((st.inactive_file ?? 0) < usage) mem = usage - (st.inactive_file ?? 0);
  const limit = m.limit ?? 0;
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(v.networks ?? {})) {
    rx += n.rx_bytes;
    tx += n.tx_bytes;
  }
  return { container, name: v.name, id: v.id, cpu, mem, memLimit: limit, memPerc: limit !== 0 ? (mem / limit) * 100 : 0, netRx: rx, netTx: tx, blkRead, blkWrite, pids: v.pids_stats?.current ?? 0, invalid: false };
}

const pct = (x: number) => formatFloat(x, 'f', 2) + '%';

function statsContext(s: StatsEntry, trunc: boolean): GoStruct {
  const m: Record<string, () => string> = {
    BlockIO: () => (s.invalid ? '--' : `${humanSizeWithPrecision(s.blkRead, 3)} / ${humanSizeWithPrecision(s.blkWrite, 3)}`),
    CPUPerc: () => (s.invalid ? '--' : pct(s.cpu)),
    Container: () => s.container,
    ID: () => (trunc ? truncateID(s.id) : s.id),
    MemPerc: () => (s.invalid ? '--' : pct(s.memPerc)),
    MemUsage: () => (s.invalid ? '-- / --' : `${bytesSize(s.mem)} / ${bytesSize(s.memLimit)}`),
    Name: () => (s.name.length > 1 ? s.name.slice(1) : '--'),
    NetIO: () => (s.invalid ? '--' : `${humanSizeWithPrecision(s.netRx, 3)} / ${humanSizeWithPrecision(s.netTx, 3)}`),
    PIDs: () => (s.invalid ? '--' : String(s.pids)),
  };
  return new GoStruct('*container.statsContext', {}, m, { json: () => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f()])) });
}

const STATS_HEADER = headerContext({
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
});

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

export async function runStats(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const noStream = f.get<boolean>('no-stream');
  const all = f.get<boolean>('all');
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  cli.signal?.addEventListener('abort', onAbort);
  const stats: Stats[] = [];
  const firsts: Promise<void>[] = [];
  let asyncError: unknown;

  const collect = (s: Stats) => {
    let resolveFirst!: () => void;
    let gotFirst = false;
    firsts.push(new Promise<void>((r) => (resolveFirst = r)));
    const first = () => {
      if (!gotFirst) {
        gotFirst = true;
        resolveFirst();
      }
    };
    void (async () => {
      let res: Response;
      try {
        res = await cli.request('GET', containerPath(s.entry.container, '/stats'), { query: { stream: noStream ? '0' : '1' } });
      } catch (e) {
        s.setError(cli.transportError(e));
        first();
        return;
      }
      let lastUpdate = Date.now();
      const watchdog = setInterval(() => {
        if (Date.now() - lastUpdate >= 2000) {
          s.setErrorAndReset(new Error('timeout waiting for stats'));
          first();
          lastUpdate = Date.now();
        }
      }, 250);
      const reader = res.body?.getReader();
      const cancel = () => void reader?.cancel().catch(() => {});
      stop.signal.addEventListener('abort', cancel, { once: true });
      if (stop.signal.aborted) cancel();
      try {
        const dec = new TextDecoder();
        let buf = '';
        reading: while (reader) {
          const { done, value } = await reader.read();
          if (done || stop.signal.aborted) break;
          buf += dec.decode(value, { stream: true });
          let nl = buf.indexOf('\n');
          while (nl >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            nl = buf.indexOf('\n');
            if (!line) continue;
            s.entry = entryOf(JSON.parse(line) as StatsResponse, s.entry.container);
            s.setError(undefined);
            s.entry.invalid = false;
            lastUpdate = Date.now();
            first();
            if (noStream) break reading;
          }
        }
      } catch (e) {
        if (!stop.signal.aborted) s.setError(e);
      } finally {
        clearInterval(watchdog);
        first();
        stop.signal.removeEventListener('abort', cancel);
        cancel();
      }
    })();
  };
  const add = (id: string) => {
    if (stats.some((s) => s.entry.container === id)) return;
    const s = new Stats(id);
    stats.push(s);
    collect(s);
  };
  const remove = (id: string) => {
    const i = stats.findIndex((s) => s.entry.container === id);
    if (i >= 0) stats.splice(i, 1);
  };

  try {
    const showAll = inv.args.length === 0;
    const filters = f.has('filter') ? f.get<Record<string, string[]>>('filter') : {};
    if (showAll) {
      for (const k of Object.keys(filters)) if (k !== 'label') throw new CliError(`invalid filter '${k}'`);
      const evQuery: Record<string, string> = {};
      const fp = filtersParam(withFilter(filters, 'type', 'container'));
      if (fp) evQuery.filters = fp;
      const events = cli.request('GET', '/events', { query: evQuery });
      void events.then(
        async (res) => {
          const reader = res.body?.getReader();
          if (!reader) return;
          const cancel = () => void reader.cancel().catch(() => {});
          if (stop.signal.aborted) return cancel();
          stop.signal.addEventListener('abort', cancel, { once: true });
          const dec = new TextDecoder();
          let buf = '';
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              buf += dec.decode(value, { stream: true });
              let nl = buf.indexOf('\n');
              while (nl >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                nl = buf.indexOf('\n');
                if (!line) continue;
                const e = JSON.parse(line) as { Action: string; Actor: { ID: string } };
                const id = e.Actor.ID.slice(0, 12);
                if (e.Action === 'start' || (all && e.Action === 'create')) add(id);
                else if (!all && e.Action === 'die') remove(id);
              }
            }
          } catch (e) {
            if (!stop.signal.aborted) asyncError = e;
          }
        },
        (e) => {
          if (!stop.signal.aborted) asyncError = e;
        },
      );
      const query: Record<string, string> = {};
      if (all) query.all = '1';
      const lfp = filtersParam(filters);
      if (lfp) query.filters = lfp;
      const list = (await cli.json<{ Id: string }[]>('GET', '/containers/json', { query })) ?? [];
      for (const c of list) add(c.Id.slice(0, 12));
      await Promise.all(firsts);
    } else {
      for (const name of inv.args) add(name);
      await Promise.all(firsts);
      const errs = stats.filter((s) => s.err).map((s) => errorText(s.err));
      if (errs.length > 0) throw new CliError(errs.join('\n'));
    }

    let format = f.get<string>('format');
    if (format.length === 0) format = loadConfigFile(cli).statsFormat || 'table';
    if (format === 'table') format = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
    const trunc = !f.get<boolean>('no-trunc');
    for (;;) {
      await sleep(500, stop.signal);
      if (stop.signal.aborted) throw new CliError('', 130);
      let text = '';
      if (!noStream) text += '\x1b[H';
      try {
        text += writeFormatted(format, STATS_HEADER, stats.map((s) => statsContext(s.entry, trunc)));
      } catch (e) {
        if (e instanceof FormatError) throw new CliError(e.message);
        throw e;
      }
      if (!noStream) {
        const lines = text.split('\n');
        for (const line of lines) text += `${line} \x1b[K\n`;
        text += '\x1b[J';
      }
      cli.out(text);
      if (stats.length === 0 && !showAll) break;
      if (noStream) break;
      if (asyncError) throw asyncError;
    }
  } finally {
    stop.abort();
    cli.signal?.removeEventListener('abort', onAbort);
  }
}
