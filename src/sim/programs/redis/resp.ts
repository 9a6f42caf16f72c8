// RESP, the Redis protocol: commands as arrays of bulk strings (or inline lines), replies as
// simple strings, errors, integers, bulk strings, nil and arrays.

export type Reply =
  | { t: 'status'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: Reply[] | null };

export const ok: Reply = { t: 'status', v: 'OK' };
export const nil: Reply = { t: 'bulk', v: null };
export const int = (v: number): Reply => ({ t: 'int', v });
export const bulk = (v: string | null): Reply => ({ t: 'bulk', v });
export const err = (v: string): Reply => ({ t: 'error', v });
export const arr = (v: Reply[] | null): Reply => ({ t: 'array', v });

export function encode(r: Reply): string {
  switch (r.t) {
    case 'status':
      return `+${r.v}\r\n`;
    case 'error':
      return `-${r.v}\r\n`;
    case 'int':
      return `:${r.v}\r\n`;
    case 'bulk':
      return r.v === null ? '$-1\r\n' : `$${new TextEncoder().encode(r.v).length}\r\n${r.v}\r\n`;
    case 'array':
      return r.v === null ? '*-1\r\n' : `*${r.v.length}\r\n${r.v.map(encode).join('')}`;
  }
}

export function encodeCommand(args: string[]): string {
  return encode(arr(args.map((a) => bulk(a))));
}

/** Parses every command in a buffer (RESP arrays or inline lines). */
export function decodeCommands(data: string): string[][] {
  const out: string[][] = [];
  let i = 0;
  const line = (): string => {
    const end = data.indexOf('\r\n', i);
    const l = end < 0 ? data.slice(i) : data.slice(i, end);
    i = end < 0 ? data.length : end + 2;
    return l;
  };
  while (i < data.length) {
    if (data[i] === '*') {
      const n = Number(line().slice(1));
      const args: string[] = [];
      for (let k = 0; k < n && i < data.length; k++) {
        const head = line();
        if (!head.startsWith('$')) {
          args.push(head);
          continue;
        }
        const len = Number(head.slice(1));
        const bytes = new TextEncoder().encode(data.slice(i));
        const text = new TextDecoder().decode(bytes.slice(0, len));
        args.push(text);
        i += text.length + 2;
      }
      out.push(args);
    } else {
      const l = line().trim();
      if (l !== '') out.push(splitArgs(l));
    }
  }
  return out;
}

/** Decodes every reply in a buffer. */
export function decodeReplies(data: string): Reply[] {
  const out: Reply[] = [];
  let i = 0;
  const line = (): string => {
    const end = data.indexOf('\r\n', i);
    const l = end < 0 ? data.slice(i) : data.slice(i, end);
    i = end < 0 ? data.length : end + 2;
    return l;
  };
  const one = (): Reply => {
    const l = line();
    const kind = l[0];
    const rest = l.slice(1);
    switch (kind) {
      case '+':
        return { t: 'status', v: rest };
      case '-':
        return { t: 'error', v: rest };
      case ':':
        return { t: 'int', v: Number(rest) };
      case '$': {
        const len = Number(rest);
        if (len < 0) return nil;
        const bytes = new TextEncoder().encode(data.slice(i));
        const text = new TextDecoder().decode(bytes.slice(0, len));
        i += text.length + 2;
        return bulk(text);
      }
      case '*': {
        const n = Number(rest);
        if (n < 0) return arr(null);
        const items: Reply[] = [];
        for (let k = 0; k < n; k++) items.push(one());
        return arr(items);
      }
      default:
        return { t: 'status', v: l };
    }
  };
  while (i < data.length) out.push(one());
  return out;
}

/** Splits a command line as redis-cli and inline commands do: spaces, "double" and 'single' quotes. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let cur = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) {
          const n = line[i + 1]!;
          cur += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
          i += 2;
        } else cur += line[i++];
      }
      i++;
    } else if (line[i] === "'") {
      i++;
      while (i < line.length && line[i] !== "'") cur += line[i++];
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) cur += line[i++];
    }
    out.push(cur);
  }
  return out;
}
