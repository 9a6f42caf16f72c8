/**
 * Go's path.Match (shell patterns: `*`, `?`, `[a-z]`, `[^…]`, `\` escapes), used by
 * reference.FamiliarMatch — the `reference=` filter of `docker images`.
 */
import { familiarName, familiarString, type Reference } from './reference';

export const ErrBadPattern = 'syntax error in pattern';

function lit(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Translate a pattern to an anchored RegExp, or throw ErrBadPattern as Go would. */
function compile(pattern: string): RegExp {
  const cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  let i = 0;
  let src = '^';
  const bad = (): never => {
    throw new Error(ErrBadPattern);
  };
  // getEsc: one (possibly escaped) rune of a class; something must follow it
  const getEsc = (): number => {
    if (i >= cps.length || cps[i] === 0x2d || cps[i] === 0x5d) bad();
    if (cps[i] === 0x5c) {
      i++;
      if (i >= cps.length) bad();
    }
    const r = cps[i++]!;
    if (i >= cps.length) bad();
    return r;
  };
  while (i < cps.length) {
    const c = cps[i]!;
    if (c === 0x2a) {
      src += '[^/]*';
      i++;
    } else if (c === 0x3f) {
      src += '[^/]';
      i++;
    } else if (c === 0x5b) {
      i++;
      let negated = false;
      if (i < cps.length && cps[i] === 0x5e) {
        negated = true;
        i++;
      }
      let cls = '';
      let n = 0;
      for (;;) {
        if (i < cps.length && cps[i] === 0x5d && n > 0) {
          i++;
          break;
        }
        const lo = getEsc();
        let hi = lo;
        if (cps[i] === 0x2d) {
          i++;
          hi = getEsc();
        }
        if (lo <= hi) cls += `${lit(lo)}-${lit(hi)}`;
        n++;
      }
      src += negated ? `[^${cls}]` : `[${cls}]`;
    } else if (c === 0x5c) {
      i++;
      if (i >= cps.length) bad();
      src += lit(cps[i++]!);
    } else {
      src += lit(c);
      i++;
    }
  }
  return new RegExp(src + '$', 'u');
}

/** path.Match(pattern, name); throws Error('syntax error in pattern') for a malformed pattern. */
export function pathMatch(pattern: string, name: string): boolean {
  return compile(pattern).test(name);
}

/**
 * reference.FamiliarMatch: matches the familiar string (`nginx:latest`), then, for named
 * references, the familiar name alone (`nginx`). Throws for a malformed pattern.
 */
export function familiarMatch(pattern: string, ref: Reference): boolean {
  const matched = pathMatch(pattern, familiarString(ref));
  if (!matched && ref.kind === 'named') return pathMatch(pattern, familiarName(ref));
  return matched;
}
