// printf, shared by the shells' builtins and the printf commands.

export type PrintfStyle = 'bash' | 'dash' | 'busybox' | 'gnu';

export interface PrintfResult {
  out: string;
  /** Error messages (without prefix). */
  errors: string[];
  status: number;
}

function escape(s: string, i: number, inFormat: boolean, style: PrintfStyle): { text: string; len: number; stop?: boolean } {
  const n = s[i + 1];
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
  if (n === undefined) return { text: '\\', len: 1 };
  if (simple[n] !== undefined && (n !== '"' && n !== "'" ? true : inFormat && style !== 'dash')) return { text: simple[n], len: 2 };
  if (n === 'e' && style !== 'dash') return { text: '\x1b', len: 2 };
  if (n === 'c' && !inFormat) return { text: '', len: 2, stop: true };
  if (/[0-7]/.test(n)) {
    // In %b, octal is \0NNN (up to 3 digits after the 0); in formats \NNN.
    if (!inFormat && n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))![0];
      return { text: String.fromCharCode(parseInt(m || '0', 8) & 0xff), len: 2 + m.length };
    }
    const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
    return { text: String.fromCharCode(parseInt(m, 8) & 0xff), len: 1 + m.length };
  }
  if (n === 'x' && style !== 'dash') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
    if (m) return { text: String.fromCharCode(parseInt(m[0], 16)), len: 2 + m[0].length };
  }
  return { text: '\\' + n, len: 2 };
}

function numArg(a: string | undefined, style: PrintfStyle, errors: string[], float: boolean): number | bigint {
  if (a === undefined || a === '') return float ? 0 : 0n;
  if (/^['"]/.test(a)) return float ? a.codePointAt(1) ?? 0 : BigInt(a.codePointAt(1) ?? 0);
  const t = a.trim();
  if (float) {
    const v = Number(t);
    if (!Number.isNaN(v) && t !== '') return v;
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(t);
    errors.push(invalid(a, style));
    return m ? Number(m[0]) : 0;
  }
  let m = /^([+-]?)0[xX]([0-9a-fA-F]+)$/.exec(t);
  if (m) return BigInt(m[1] + '0x' + m[2]) * 1n;
  m = /^([+-]?)(0[0-7]*)$/.exec(t);
  if (m) {
    const v = m[2] === '0' ? 0n : BigInt('0o' + m[2].slice(1));
    return m[1] === '-' ? -v : v;
  }
  if (/^[+-]?\d+$/.test(t)) return BigInt(t);
  errors.push(invalid(a, style));
  const p = /^[+-]?\d+/.exec(t);
  return p ? BigInt(p[0]) : 0n;
}

function invalid(a: string, style: PrintfStyle): string {
  switch (style) {
    case 'bash':
      return `${a}: invalid number`;
    case 'dash':
      return `${a}: expected numeric value`;
    case 'busybox':
      return `invalid number '${a}'`;
    case 'gnu':
      return /^[+-]?\d/.test(a.trim()) ? `'${a}': value not completely converted` : `'${a}': expected a numeric value`;
  }
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const rest = sign ? s.slice(1) : s;
    const pre = /^0[xX]/.test(rest) ? rest.slice(0, 2) : '';
    return sign + pre + '0'.repeat(width - s.length) + rest.slice(pre.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function fmtFloat(v: number, conv: string, prec: number | undefined, alt: boolean): string {
  const p = prec ?? 6;
  if (!Number.isFinite(v)) {
    const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
    return conv === conv.toUpperCase() ? s.toUpperCase() : s;
  }
  switch (conv) {
    case 'f':
    case 'F':
      return v.toFixed(p);
    case 'e':
    case 'E': {
      const s = v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
      return conv === 'E' ? s.toUpperCase() : s;
    }
    case 'g':
    case 'G': {
      const P = p === 0 ? 1 : p;
      if (v === 0) return '0';
      const exp = Math.floor(Math.log10(Math.abs(v)));
      let s: string;
      if (exp < -4 || exp >= P) {
        s = v.toExponential(P - 1);
        if (!alt) s = s.replace(/\.?0+e/, 'e');
        s = s.replace(/e([+-])(\d)$/, 'e$10$2');
      } else {
        s = v.toFixed(Math.max(0, P - 1 - exp));
        if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
      }
      return conv === 'G' ? s.toUpperCase() : s;
    }
  }
  return String(v);
}

/** Formats like printf(1). args excludes the format. */
export function printfFormat(format: string, args: string[], style: PrintfStyle): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  let stop = false;
  const next = () => args[ai++];
  const hasConversion = /%[^%]/.test(format.replace(/%%/g, ''));
  do {
    for (let i = 0; i < format.length && !stop; i++) {
      const c = format[i];
      if (c === '\\') {
        const e = escape(format, i, true, style);
        out += e.text;
        i += e.len - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      if (format[i + 1] === '%') {
        out += '%';
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXeEfFgGcsbaA])/.exec(format.slice(i));
      if (!m) {
        const bad = format.slice(i + 1, i + 2);
        if (style === 'bash') errors.push(`\`${bad}': invalid format character`);
        else if (style === 'dash') errors.push(`%${bad}: invalid directive`);
        else if (style === 'gnu') errors.push(`%${bad}: invalid conversion specification`);
        else errors.push(`%${bad}: invalid format`);
        return { out, errors, status: 1 };
      }
      i += m[0].length - 1;
      const flags = m[1];
      let width = 0;
      let left = flags.includes('-');
      if (m[2] === '*') {
        const w = Number(numArg(next(), style, errors, false));
        if (w < 0) left = true;
        width = Math.abs(w);
      } else if (m[2]) width = Number(m[2]);
      let prec: number | undefined;
      if (m[3] !== undefined) prec = m[3] === '*' ? Number(numArg(next(), style, errors, false)) : Number(m[3] || '0');
      const conv = m[5];
      const zero = flags.includes('0') && !left;
      let s: string;
      switch (conv) {
        case 's': {
          s = next() ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          break;
        }
        case 'b': {
          const a = next() ?? '';
          let t = '';
          for (let j = 0; j < a.length; j++) {
            if (a[j] === '\\') {
              const e = escape(a, j, false, style);
              if (e.stop) {
                stop = true;
                break;
              }
              t += e.text;
              j += e.len - 1;
            } else t += a[j];
          }
          if (prec !== undefined) t = t.slice(0, prec);
          out += pad(t, width, left, false);
          break;
        }
        case 'c': {
          const a = next() ?? '';
          out += pad(a.charAt(0), width, left, false);
          break;
        }
        case 'd':
        case 'i': {
          const v = numArg(next(), style, errors, false) as bigint;
          let t = (v < 0n ? -v : v).toString();
          if (prec !== undefined) t = t.padStart(prec, '0');
          const sign = v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          out += pad(sign + t, width, left, zero && prec === undefined);
          break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          let v = numArg(next(), style, errors, false) as bigint;
          if (v < 0n) v = BigInt.asUintN(64, v);
          let t = conv === 'o' ? v.toString(8) : conv === 'u' ? v.toString() : v.toString(16);
          if (conv === 'X') t = t.toUpperCase();
          if (prec !== undefined) t = t.padStart(prec, '0');
          if (flags.includes('#') && v !== 0n) t = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + t;
          out += pad(t, width, left, zero && prec === undefined);
          break;
        }
        default: {
          const v = numArg(next(), style, errors, true) as number;
          let t = fmtFloat(Math.abs(v), conv, prec, flags.includes('#'));
          const neg = v < 0 || Object.is(v, -0);
          t = (neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + t;
          out += pad(t, width, left, zero);
        }
      }
    }
  } while (!stop && hasConversion && ai < args.length && ai > 0);
  return { out, errors, status: errors.length ? 1 : 0 };
}
