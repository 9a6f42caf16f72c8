// URLs as command-line HTTP clients take them: a scheme (http:// when none), a host (name,
// IPv4 or [IPv6]), a port, and the request target.

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  /** Request target: path and query, '/' at least. */
  target: string;
  /** Whether the port was written in the URL. */
  explicitPort: boolean;
  /** The URL as normalised (http://host[:port]/path). */
  href: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21 };

export function parseUrl(raw: string): ParsedUrl | null {
  let s = raw.trim();
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(s);
  if (m) {
    scheme = m[1]!.toLowerCase();
    s = s.slice(m[0].length);
  }
  const slash = s.search(/[/?#]/);
  const authority = slash < 0 ? s : s.slice(0, slash);
  let rest = slash < 0 ? '' : s.slice(slash);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  if (rest === '' || rest.startsWith('?')) rest = `/${rest}`;
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  let host: string;
  let portText = '';
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    if (end < 0) return null;
    host = hostPort.slice(1, end);
    if (hostPort[end + 1] === ':') portText = hostPort.slice(end + 2);
  } else {
    const c = hostPort.lastIndexOf(':');
    host = c >= 0 ? hostPort.slice(0, c) : hostPort;
    portText = c >= 0 ? hostPort.slice(c + 1) : '';
  }
  if (host === '' || /[\s<>"{}|\\^`]/.test(host)) return null;
  if (portText !== '' && !/^\d+$/.test(portText)) return null;
  const port = portText === '' ? (DEFAULT_PORTS[scheme] ?? 80) : Number(portText);
  if (port > 65535) return null;
  const target = rest.replace(/ /g, '%20');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { scheme, host: host.toLowerCase(), port, target, explicitPort: portText !== '', href: `${scheme}://${shownHost}${portText !== '' ? `:${port}` : ''}${target}` };
}

/** Resolves a Location header against the URL it answered. */
export function resolveLocation(base: ParsedUrl, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.host.includes(':') ? `[${base.host}]` : base.host}${base.explicitPort ? `:${base.port}` : ''}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.target.split('?')[0]!.replace(/[^/]*$/, '');
  return origin + dir + location;
}

export function isIpv4(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** Host header value: the port only when it is not the scheme's default. */
export function hostHeader(u: ParsedUrl): string {
  const h = u.host.includes(':') ? `[${u.host}]` : u.host;
  return u.port === (DEFAULT_PORTS[u.scheme] ?? 80) ? h : `${h}:${u.port}`;
}
