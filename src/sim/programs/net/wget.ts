// wget, two ways: GNU wget (Debian images: its "--2026-11-27 09:00:05--  http://web/" report,
// dot progress, "‘index.html’ saved [615/615]", exit 4 for network failures and 8 for server
// errors) and BusyBox's wget applet (alpine: "Connecting to web (172.18.0.2:80)", the star
// bar, "wget: server returned error: HTTP/1.1 404 Not Found", exit 1). Both use the HTTP
// effect over the simulated networks. The BusyBox applet is exported for the busybox table.

import type { Command, CommandContext, Run } from '../../../sh/types';
import type { HttpResponse } from '../../network/ports';
import { httpRequest, resolveName } from '../effects';
import { byteLength, header, reason } from '../lib/http';
import { parseUrl, resolveLocation, type ParsedUrl } from './url';

interface Opts {
  urls: string[];
  output: string | null;
  quiet: boolean;
  spider: boolean;
  headers: string[];
  serverResponse: boolean;
  postData: string | null;
  userAgent: string | null;
  timeout: number | null;
}

function parse(ctx: CommandContext, args: string[], gnu: boolean): Opts | number {
  const o: Opts = { urls: [], output: null, quiet: false, spider: false, headers: [], serverResponse: false, postData: null, userAgent: null, timeout: null };
  // getopt: clustered short options (-qO- is -q -O -)
  const expanded: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[qSc][A-Za-z]/.test(a) && a !== '-nv') {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if ('OTtUYPo'.includes(f)) {
          expanded.push(`-${f}`);
          if (j + 1 < a.length) expanded.push(a.slice(j + 1));
          break;
        }
        expanded.push(`-${f}`);
      }
    } else expanded.push(a);
  }
  args = expanded;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? args[++i] ?? '';
    switch (flag) {
      case '-O':
      case '--output-document':
        o.output = val();
        break;
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '--spider':
        o.spider = true;
        break;
      case '--header':
        o.headers.push(val());
        break;
      case '-S':
      case '--server-response':
        o.serverResponse = true;
        break;
      case '--post-data':
        o.postData = val();
        break;
      case '-U':
      case '--user-agent':
        o.userAgent = val();
        break;
      case '-T':
      case '--timeout':
        o.timeout = Number(val());
        break;
      case '-t':
      case '--tries':
      case '-Y':
        val();
        break;
      case '--no-check-certificate':
      case '--no-verbose':
      case '-nv':
      case '-c':
      case '--continue':
        break;
      case '-V':
      case '--version':
        return -2;
      default:
        if (a.startsWith('-O') && a.length > 2) o.output = a.slice(2);
        else if (a.startsWith('-') && a.length > 1) {
          if (gnu) ctx.stderr.write(`wget: unrecognized option '${a}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
          else ctx.stderr.write(`wget: unrecognized option '${a}'\nBusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`);
          return gnu ? 2 : 1;
        } else o.urls.push(a);
    }
  }
  return o;
}

function fileName(u: ParsedUrl): string {
  const name = u.target.split('?')[0]!.split('/').pop() ?? '';
  return name === '' ? 'index.html' : decodeURIComponent(name);
}

function abs(ctx: CommandContext, p: string): string {
  return p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`;
}

interface Fetched {
  ok: boolean;
  response?: HttpResponse;
  ip?: string;
  error?: 'resolve' | 'refused' | 'timeout' | 'unreachable';
  url: ParsedUrl;
}

function* fetch(ctx: CommandContext, o: Opts, u: ParsedUrl, ua: string, onHop: (u: ParsedUrl, ip: string | null, r: Fetched) => void): Run<Fetched> {
  let url = u;
  for (let hops = 0; hops < 20; hops++) {
    const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
    const ip = url.host === 'localhost' ? '127.0.0.1' : isIp ? url.host : yield* resolveName(url.host);
    if (!ip) {
      const f: Fetched = { ok: false, error: 'resolve', url };
      onHop(url, null, f);
      return f;
    }
    const headers: Record<string, string> = { 'User-Agent': ua, Accept: '*/*', 'Accept-Encoding': 'identity', Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, Connection: 'Keep-Alive' };
    for (const h of o.headers) {
      const i = h.indexOf(':');
      if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
    }
    const method = o.spider ? 'HEAD' : o.postData !== null ? 'POST' : 'GET';
    const r = yield* httpRequest({ host: url.host, port: url.port, path: url.target, method, headers, body: o.postData ?? '' });
    const f: Fetched = r.ok && r.response ? { ok: true, response: r.response, ip, url } : { ok: false, error: r.error ?? 'refused', ip, url };
    onHop(url, ip, f);
    if (!f.ok || !f.response) return f;
    const loc = header(f.response.headers, 'location');
    if (loc && [301, 302, 303, 307, 308].includes(f.response.status)) {
      const next = parseUrl(resolveLocation(url, loc));
      if (!next) return f;
      url = next;
      continue;
    }
    return f;
  }
  return { ok: false, error: 'refused', url };
}

function gnuStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** GNU wget 1.21.3 */
export const wget: Command = function* (ctx) {
  const parsed = parse(ctx, ctx.args.slice(1), true);
  if (parsed === -2) {
    ctx.stdout.write('GNU Wget 1.21.3 built on linux-gnu.\n\n-cares +digest -gpgme +https +ipv6 +iri +large-file -metalink +nls \n+ntlm +opie +psl -ssl/gnutls +ssl/openssl \n');
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const say = (s: string) => {
    if (!o.quiet) ctx.stderr.write(s);
  };
  if (o.urls.length === 0) {
    ctx.stderr.write("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  let status = 0;
  for (const raw of o.urls) {
    const u = parseUrl(raw);
    if (!u) {
      ctx.stderr.write(`${raw}: Invalid URL ${raw}: Unsupported scheme\n`);
      status = 1;
      continue;
    }
    const r = yield* fetch(ctx, o, u, o.userAgent ?? 'Wget/1.21.3', (url, ip, f) => {
      say(`--${gnuStamp(ctx.sys.now())}--  ${url.href}\n`);
      const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
      if (!isIp) say(`Resolving ${url.host} (${url.host})... ${ip ?? 'failed: Name or service not known.'}\n`);
      if (!ip) return;
      const where = isIp ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${ip}|:${url.port}`;
      if (!f.ok) {
        say(`Connecting to ${where}... failed: ${f.error === 'timeout' ? 'Connection timed out' : f.error === 'unreachable' ? 'No route to host' : 'Connection refused'}.\n`);
        return;
      }
      say(`Connecting to ${where}... connected.\n`);
      const res = f.response!;
      say(`HTTP request sent, awaiting response... ${o.serverResponse ? '\n' : ''}`);
      if (o.serverResponse) say(`  HTTP/1.1 ${res.status} ${res.statusText ?? reason(res.status)}\n${Object.entries(res.headers).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
      else say(`${res.status} ${res.statusText ?? reason(res.status)}\n`);
      const loc = header(res.headers, 'location');
      if (loc && [301, 302, 303, 307, 308].includes(res.status)) say(`Location: ${loc} [following]\n`);
    });
    if (!r.ok || !r.response) {
      if (r.error === 'resolve') ctx.stderr.write(`wget: unable to resolve host address ‘${r.url.host}’\n`);
      status = 4;
      continue;
    }
    const res = r.response;
    if (res.status >= 400) {
      say(`${gnuStamp(ctx.sys.now())} ERROR ${res.status}: ${res.statusText ?? reason(res.status)}.\n\n`);
      status = 8;
      continue;
    }
    const len = byteLength(res.body);
    const type = header(res.headers, 'content-type');
    if (o.spider) {
      say(`Length: ${len} [${type ?? 'text/plain'}]\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`);
      continue;
    }
    say(`Length: ${len} [${type ?? 'text/plain'}]\n`);
    let target = o.output ?? fileName(r.url);
    if (o.output === null) {
      let n = 1;
      while (ctx.fs.exists(abs(ctx, target))) target = `${fileName(r.url)}.${n++}`;
    }
    say(`Saving to: ‘${target === '-' ? 'STDOUT' : target}’\n\n`);
    if (target === '-') ctx.stdout.write(res.body);
    else {
      try {
        ctx.fs.writeFile(abs(ctx, target), res.body);
      } catch {
        ctx.stderr.write(`${target}: No such file or directory\n`);
        status = 3;
        continue;
      }
    }
    const kb = Math.floor(len / 1024);
    let dots = '';
    for (let k = 0; k < Math.min(kb, 50); k++) dots += `${k > 0 && k % 10 === 0 ? ' ' : ''}.`;
    say(`     0K ${dots.padEnd(54)} 100% 83.8M=0s\n\n`);
    say(`${gnuStamp(ctx.sys.now())} (83.8 MB/s) - ‘${target === '-' ? 'written to stdout' : target}’ saved [${len}/${len}]\n\n`);
  }
  return status;
};

/** BusyBox wget (the applet alpine's /usr/bin/wget links to). */
export const busyboxWget: Command = function* (ctx) {
  const parsed = parse(ctx, ctx.args.slice(1), false);
  if (typeof parsed === 'number') return parsed < 0 ? 1 : parsed;
  const o = parsed;
  const say = (s: string) => {
    if (!o.quiet) ctx.stderr.write(s);
  };
  if (o.urls.length === 0) {
    ctx.stderr.write('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  for (const raw of o.urls) {
    const u = parseUrl(raw);
    if (!u || (u.scheme !== 'http' && u.scheme !== 'https')) {
      ctx.stderr.write(`wget: not an http or ftp url: ${raw}\n`);
      return 1;
    }
    const r = yield* fetch(ctx, o, u, o.userAgent ?? 'Wget', (url, ip, f) => {
      if (!ip) return;
      say(`Connecting to ${url.explicitPort ? `${url.host}:${url.port}` : url.host} (${ip}:${url.port})\n`);
      void f;
    });
    if (!r.ok || !r.response) {
      if (r.error === 'resolve') ctx.stderr.write(`wget: bad address '${r.url.host}'\n`);
      else ctx.stderr.write(`wget: ${r.error === 'timeout' ? 'download timed out' : `can't connect to remote host (${r.ip}): ${r.error === 'unreachable' ? 'Host is unreachable' : 'Connection refused'}`}\n`);
      return 1;
    }
    const res = r.response;
    if (res.status >= 400) {
      ctx.stderr.write(`wget: server returned error: HTTP/1.1 ${res.status} ${res.statusText ?? reason(res.status)}\n`);
      return 1;
    }
    if (o.spider) {
      say('remote file exists\n');
      continue;
    }
    const target = o.output ?? fileName(r.url);
    if (target === '-') {
      say(`writing to stdout\n`);
      ctx.stdout.write(res.body);
      say(`-                    100% |********************************|  ${String(byteLength(res.body)).padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
      continue;
    }
    if (o.output === null && ctx.fs.exists(abs(ctx, target))) {
      ctx.stderr.write(`wget: can't open '${target}': File exists\n`);
      return 1;
    }
    say(`saving to '${target}'\n`);
    try {
      ctx.fs.writeFile(abs(ctx, target), res.body);
    } catch {
      ctx.stderr.write(`wget: can't open '${target}': No such file or directory\n`);
      return 1;
    }
    const shown = target.split('/').pop() ?? target;
    const size = byteLength(res.body);
    const human = size < 100000 ? String(size) : size < 10_000 * 1024 ? `${Math.floor(size / 1024)}k` : `${Math.floor(size / 1024 / 1024)}M`;
    say(`${shown.slice(0, 20).padEnd(20)} 100% |********************************| ${human.padStart(5)}  0:00:00 ETA\n'${target}' saved\n`);
  }
  return 0;
};
