// ping from iputils 20240117 (Ubuntu 24.04) on the host, over a simulated ICMP: the host itself,
// its bridges' gateways and running containers answer; an unused address of a Docker network
// gets "Destination Host Unreachable" from the gateway (ARP fails); anything else is silent.
// One echo request a second until -c is reached or Ctrl-C, then the statistics.

import { Signal, type Command, type CommandContext, type Run } from '../sh';
import { echoFate, jitter, resolveName, type EchoFate } from './network';
import type { HostServices } from './services';

function* wait<T>(p: Promise<T>): Run<T> {
  return (yield { type: 'await', promise: p }) as T;
}

const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      DNS name or IP address
  -c <count>         stop after <count> replies
  -i <interval>      seconds between sending each packet
  -q                 quiet output
  -W <timeout>       time to wait for response

For more details see ping(8).
`;

/** RTT in µs shown with the precision iputils uses. */
function rttText(us: number): string {
  if (us >= 100000 - 50) return `${Math.round(us / 1000)}`;
  if (us >= 10000 - 5) return ((us + 50) / 1000).toFixed(1);
  if (us >= 1000) return ((us + 5) / 1000).toFixed(2);
  return (us / 1000).toFixed(3);
}

function ms3(us: number): string {
  return `${Math.floor(us / 1000)}.${String(Math.floor(us % 1000)).padStart(3, '0')}`;
}

export function pingCommand(host: HostServices): Command {
  return function* ping(ctx: CommandContext): Run<number> {
    let count = Infinity;
    let interval = 1000;
    let quiet = false;
    let linger = 10_000;
    let target: string | undefined;
    const args = ctx.args.slice(1);
    const bad = (msg: string): number => {
      ctx.stderr.write(`ping: ${msg}\n`);
      return 2;
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-h' || a === '--help' || a === '-?') {
        ctx.stdout.write(USAGE);
        return 2;
      }
      if (a === '-V') {
        ctx.stdout.write('ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n');
        return 0;
      }
      if (/^-[a-zA-Z]/.test(a)) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if ('ciWw'.includes(c)) {
            const v = a.slice(j + 1) || args[++i];
            if (v === undefined) {
              ctx.stderr.write(`ping: option requires an argument -- '${c}'\n${USAGE}`);
              return 2;
            }
            const n = Number(v);
            if (c === 'c') {
              if (!/^\d+$/.test(v) || n < 1) return bad(`invalid argument: '${v}': out of range: 1 <= value <= 9223372036854775807`);
              count = n;
            } else if (c === 'i') {
              if (!Number.isFinite(n) || n < 0) return bad(`bad timing interval: ${v}`);
              interval = Math.max(2, n * 1000);
            } else if (c === 'W') {
              if (!Number.isFinite(n) || n < 0) return bad(`bad linger time: ${v}`);
              linger = n * 1000;
            }
            break;
          }
          if (c === 'q') quiet = true;
          else if ('4nvDO'.includes(c)) continue;
          else {
            ctx.stderr.write(`ping: invalid option -- '${c}'\n${USAGE}`);
            return 2;
          }
        }
        continue;
      }
      target = a;
    }
    if (target === undefined) {
      ctx.stderr.write(`ping: usage error: Destination address required\n`);
      return 1;
    }
    const ip = resolveName(target, ctx.fs, host.hostname);
    if (ip === null) return bad(`${target}: ${target.includes('.') ? 'Temporary failure in name resolution' : 'Name or service not known'}`);
    const numeric = ip === target;
    const from = numeric ? ip : `${target} (${ip})`;
    ctx.stdout.write(`PING ${target} (${ip}) 56(84) bytes of data.\n`);

    const rand = jitter(`${ip}/${host.now()}`);
    const start = host.now();
    let sent = 0;
    let received = 0;
    let errors = 0;
    let pipe = 0;
    let reported = 0; // unreachable errors reported so far
    const rtts: number[] = [];
    let lastEvent = start;
    const stats = (): number => {
      const time = Math.max(0, Math.round(lastEvent - start));
      let s = `\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${received} received`;
      if (errors) s += `, +${errors} errors`;
      if (sent) s += `, ${formatLoss(((sent - received) * 100) / sent)}% packet loss, time ${time}ms`;
      s += '\n';
      let comma = '';
      if (received) {
        const min = Math.min(...rtts);
        const max = Math.max(...rtts);
        const sum = rtts.reduce((a, b) => a + b, 0);
        const sum2 = rtts.reduce((a, b) => a + b * b, 0);
        const avg = Math.floor(sum / rtts.length);
        const mdev = Math.floor(Math.sqrt(Math.max(0, Math.floor((sum2 - (sum * sum) / rtts.length) / rtts.length))));
        s += `rtt min/avg/max/mdev = ${ms3(min)}/${ms3(avg)}/${ms3(max)}/${ms3(mdev)} ms`;
        comma = ', ';
      }
      if (errors && pipe > 1) s += `${comma}pipe ${pipe}`;
      s += '\n';
      ctx.stdout.write(s);
      return received ? (Number.isFinite(count) && received < count && errors ? 1 : 0) : 1;
    };
    const status = (): void => {
      const loss = sent ? Math.floor(((sent - received) * 100) / sent) : 0;
      let s = `\r${received}/${sent} packets, ${loss}% loss`;
      if (received) {
        const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / rtts.length);
        s += `, min/avg/ewma/max = ${ms3(Math.min(...rtts))}/${ms3(avg)}/${ms3(avg)}/${ms3(Math.max(...rtts))} ms`;
      }
      ctx.stderr.write(`${s}\n`);
    };

    // Ctrl-\ prints a status line and ping goes on
    const sleep = function* (ms: number): Run<void> {
      const end = host.now() + ms;
      for (;;) {
        const left = end - host.now();
        if (left <= 0) return;
        try {
          yield { type: 'sleep', ms: left };
          return;
        } catch (e) {
          if (e instanceof Signal && e.signal === 'SIGQUIT') status();
          else throw e;
        }
      }
    };
    try {
      for (;;) {
        const fate: EchoFate = yield* wait(echoFate(host.engine, ip, host.hostIp));
        sent++;
        lastEvent = host.now();
        if (fate.kind === 'reply') {
          const us = Math.round((fate.local ? 18 : 45) + rand() * (fate.local ? 40 : 70));
          rtts.push(us);
          received++;
          if (!quiet) ctx.stdout.write(`64 bytes from ${from}: icmp_seq=${sent} ttl=64 time=${rttText(us)} ms\n`);
          if (received >= count) return stats();
        } else if (fate.kind === 'unreachable') {
          pipe = Math.max(pipe, sent - received - reported);
          if (sent % 3 === 0 || sent >= count) {
            // ARP gave up: the queued requests are reported together
            yield* sleep(sent >= count && sent % 3 !== 0 ? 3000 : 70);
            for (let n = reported + 1; n <= sent; n++) if (!quiet) ctx.stdout.write(`From ${fate.from} icmp_seq=${n} Destination Host Unreachable\n`);
            errors += sent - reported;
            reported = sent;
          }
        }
        if (sent >= count) {
          if (fate.kind === 'silent') yield* sleep(linger);
          return stats();
        }
        yield* sleep(interval);
      }
    } catch (e) {
      if (e instanceof Signal && e.signal === 'SIGINT') return stats();
      throw e;
    }
  };
}

/** %g of the loss percentage. */
function formatLoss(p: number): string {
  if (Number.isInteger(p)) return String(p);
  return String(Number(p.toPrecision(6)));
}
