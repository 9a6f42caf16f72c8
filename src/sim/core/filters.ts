// Docker's filter arguments (api/types/filters): a map from key to a set of values, parsed from
// the `filters` query parameter in either the current format {"k":{"v":true}} or the legacy
// {"k":["v"]}. Matching helpers mirror moby's (ExactMatch, FuzzyMatch, Match, MatchKVList).

import { DaemonError } from './errors';

export class Filters {
  readonly fields = new Map<string, Set<string>>();

  static parse(raw: string | undefined | null): Filters {
    const args = new Filters();
    if (!raw) return args;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalidFilter();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidFilter();
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const set = new Set<string>();
      if (Array.isArray(v)) {
        for (const x of v) {
          if (typeof x !== 'string') throw invalidFilter();
          set.add(x);
        }
      } else if (v && typeof v === 'object') {
        for (const [x, on] of Object.entries(v as Record<string, unknown>)) {
          if (typeof on !== 'boolean') throw invalidFilter();
          if (on) set.add(x);
        }
      } else if (v !== null) throw invalidFilter();
      args.fields.set(k, set);
    }
    return args;
  }

  static of(entries: Record<string, string[]>): Filters {
    const a = new Filters();
    for (const [k, vs] of Object.entries(entries)) a.fields.set(k, new Set(vs));
    return a;
  }

  get size(): number {
    return this.fields.size;
  }

  get(key: string): string[] {
    return [...(this.fields.get(key) ?? [])];
  }

  has(key: string): boolean {
    return this.fields.has(key);
  }

  validate(accepted: readonly string[]): void {
    for (const k of this.fields.keys()) if (!accepted.includes(k)) throw invalidFilter(k);
  }

  exactMatch(key: string, source: string): boolean {
    const vs = this.fields.get(key);
    if (!vs || vs.size === 0) return true;
    return vs.has(source);
  }

  fuzzyMatch(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true;
    for (const p of this.fields.get(key) ?? []) if (source.startsWith(p)) return true;
    return false;
  }

  /** Exact, or any value as a regular expression (Go RE2 syntax, close enough in JS). */
  match(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true;
    for (const re of this.fields.get(key) ?? []) {
      try {
        if (new RegExp(re).test(source)) return true;
      } catch {
        // an invalid pattern matches nothing, as in moby
      }
    }
    return false;
  }

  /** All "k" / "k=v" values must hold in sources. */
  matchKVList(key: string, sources: Record<string, string> | null | undefined): boolean {
    const vs = this.fields.get(key);
    if (!vs || vs.size === 0) return true;
    if (!sources || Object.keys(sources).length === 0) return false;
    for (const v of vs) {
      const i = v.indexOf('=');
      const k = i < 0 ? v : v.slice(0, i);
      if (!(k in sources)) return false;
      if (i >= 0 && sources[k] !== v.slice(i + 1)) return false;
    }
    return true;
  }

  getBool(key: string, dflt: boolean): boolean {
    const vs = this.fields.get(key);
    if (!vs) return dflt;
    if (vs.size === 0) throw invalidFilter(key);
    const f = vs.has('0') || vs.has('false');
    const t = vs.has('1') || vs.has('true');
    if (f === t) throw invalidFilter(key, [...vs]);
    return t;
  }
}

export function invalidFilter(key?: string, value?: string[]): DaemonError {
  let msg = 'invalid filter';
  if (key !== undefined && key !== '') {
    msg += ` '${key}`;
    if (value) msg += `=[${value.join(' ')}]`;
    msg += `'`;
  }
  return new DaemonError('invalid', msg);
}
