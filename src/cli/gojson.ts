// encoding/json as the docker client encodes request bodies (json.NewEncoder: HTML characters
// escaped, a trailing newline): plain objects are Go structs (fields in insertion order), a Map is
// a Go map (keys sorted), undefined fields are omitted (omitempty), null is nil.
// Also Go's json.Indent, which `docker inspect` applies to the daemon's raw JSON.

function str(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function goMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[' + v.map(goMarshal).join(',') + ']';
  if (v instanceof Map) {
    const keys = [...v.keys()].map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + keys.map((k) => str(k) + ':' + goMarshal(v.get(k))).join(',') + '}';
  }
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    parts.push(str(k) + ':' + goMarshal(x));
  }
  return '{' + parts.join(',') + '}';
}

/** A Go map from entries or a record (keys sorted when encoded). */
export function goMap<V>(entries: Iterable<[string, V]> | Record<string, V> | undefined | null): Map<string, V> {
  if (!entries) return new Map();
  if (Symbol.iterator in (entries as object)) return new Map(entries as Iterable<[string, V]>);
  return new Map(Object.entries(entries as Record<string, V>));
}

/**
 * json.Indent(dst, src, prefix "", indent): whitespace outside strings is dropped, each element
 * goes on its own line, empty arrays and objects stay `[]` / `{}`; trailing whitespace of src is
 * kept as Go keeps it.
 */
export function jsonIndent(src: string, indent: string): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  let inString = false;
  let escaped = false;
  let i = 0;
  // leading whitespace dropped
  while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
  let end = src.length;
  while (end > i && /[ \t\r\n]/.test(src[end - 1]!)) end--;
  const trailing = src.slice(end);
  const newline = () => {
    out += '\n' + indent.repeat(depth);
  };
  for (; i < end; i++) {
    const c = src[i]!;
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      newline();
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false;
        } else {
          depth--;
          newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out + trailing;
}

/** json.Compact */
export function jsonCompact(src: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of src) {
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === '"') inString = true;
    out += c;
  }
  return out;
}
