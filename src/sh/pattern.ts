// Shell pattern matching (globs for `case`, ${x#pat}, pathname expansion, find -name).
// Patterns are strings in which a backslash quotes the next character (as fnmatch does);
// the expander produces them by escaping every quoted character.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const reEscape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Escapes a literal string so that it matches only itself as a pattern. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** True when the pattern has an unquoted *, ? or [...] (a bracket needs its closing ]). */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '*' || c === '?') return true;
    if (c === '[' && bracketEnd(pat, i) > 0) return true;
  }
  return false;
}

/** Removes the pattern escapes: the literal text a non-matching glob stands for. */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\(.)/gs, '$1');
}

function bracketEnd(pat: string, i: number): number {
  let j = i + 1;
  if (pat[j] === '!' || pat[j] === '^') j++;
  if (pat[j] === ']') j++;
  for (; j < pat.length; j++) {
    if (pat[j] === '\\') {
      j++;
      continue;
    }
    if (pat[j] === '[' && pat[j + 1] === ':') {
      const close = pat.indexOf(':]', j + 2);
      if (close > 0) {
        j = close + 1;
        continue;
      }
    }
    if (pat[j] === ']') return j;
  }
  return -1;
}

/** Regular-expression source for a pattern (unanchored). */
export function patternSource(pat: string, opts: { pathname?: boolean } = {}): string {
  let out = '';
  const any = opts.pathname ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') {
      if (i + 1 < pat.length) out += reEscape(pat[++i]);
      else out += '\\\\';
      continue;
    }
    if (c === '*') {
      out += any + '*';
      continue;
    }
    if (c === '?') {
      out += any;
      continue;
    }
    if (c === '[') {
      const end = bracketEnd(pat, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let j = i + 1;
      let neg = false;
      if (pat[j] === '!' || pat[j] === '^') {
        neg = true;
        j++;
      }
      let cls = '';
      let first = true;
      for (; j < end; j++) {
        const d = pat[j];
        if (d === '[' && pat[j + 1] === ':') {
          const close = pat.indexOf(':]', j + 2);
          const name = pat.slice(j + 2, close);
          cls += CLASSES[name] ?? '';
          j = close + 1;
          first = false;
          continue;
        }
        if (d === '\\' && j + 1 < end) {
          cls += reEscape(pat[++j]);
          first = false;
          continue;
        }
        if (d === '-' && !first && j + 1 < end) {
          cls += '-';
          continue;
        }
        cls += reEscape(d);
        first = false;
      }
      if (opts.pathname) out += neg ? `[^/${cls}]` : `[${cls}]`;
      else out += neg ? `[^${cls}]` : `[${cls}]`;
      i = end;
      continue;
    }
    out += reEscape(c);
  }
  return out;
}

const cache = new Map<string, RegExp>();

/** Does the whole string match the pattern? */
export function matchPattern(pat: string, s: string, opts: { pathname?: boolean; nocase?: boolean } = {}): boolean {
  const key = `${opts.pathname ? 'p' : ''}${opts.nocase ? 'i' : ''}:${pat}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(pat, opts)})$`, opts.nocase ? 'i' : '');
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re.test(s);
}

/**
 * ${x#pat} ${x##pat} ${x%pat} ${x%%pat}: removes the shortest/longest prefix/suffix match.
 */
export function removeAffix(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const n = value.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, value.slice(0, i))) return value.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, value.slice(0, i))) return value.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** ${x/pat/rep} family. */
export function replacePattern(value: string, pat: string, rep: string, mode: '/' | '//' | '/#' | '/%'): string {
  if (pat === '') return value;
  const n = value.length;
  if (mode === '/#') {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, value.slice(0, i))) return rep + value.slice(i);
    return value;
  }
  if (mode === '/%') {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, value.slice(i))) return value.slice(0, i) + rep;
    return value;
  }
  let out = '';
  let i = 0;
  while (i < n) {
    let matched = -1;
    for (let j = n; j > i; j--) {
      if (matchPattern(pat, value.slice(i, j))) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      out += value[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (mode === '/') return out + value.slice(i);
  }
  return out;
}
