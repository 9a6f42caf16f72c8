/**
 * Go's strconv.FormatFloat for float64, written from its documented behaviour:
 * formats 'e', 'E', 'f', 'g', 'G' with an explicit precision (correctly rounded from
 * the exact binary value, ties to even) or precision -1 (shortest digits that
 * round-trip). Exponents have at least two digits (`1e+06`), `%g` drops trailing
 * zeros, infinities print as `+Inf`/`-Inf`, NaN as `NaN`, negative zero as `-0`.
 */

/** Decimal digits of a float: value = 0.d1d2d3... × 10^dp, no trailing zeros. */
interface Decimal {
  digits: string;
  dp: number;
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** Exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  F64[0] = x;
  const bits = U64[0]!;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp2: number;
  if (expBits === 0) {
    exp2 = -1074;
  } else {
    mant |= 1n << 52n;
    exp2 = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp2 >= 0) {
    digits = (mant << BigInt(exp2)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k = mant * 5^k / 10^k
    const k = -exp2;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  return trimDecimal({ digits, dp });
}

function trimDecimal(d: Decimal): Decimal {
  let digits = d.digits;
  let end = digits.length;
  while (end > 0 && digits[end - 1] === '0') end--;
  let start = 0;
  while (start < end && digits[start] === '0') start++;
  digits = digits.slice(start, end);
  return digits === '' ? { digits: '', dp: 0 } : { digits, dp: d.dp - start };
}

/** Round to nd significant digits, half to even on exact ties. */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0) return { digits: '', dp: 0 };
  if (d.digits.length <= nd) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (d.digits.length > nd + 1) up = true; // more non-zero digits follow (digits are trimmed)
  else up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1; // exact half: to even
  if (!up) return trimDecimal({ digits: d.digits.slice(0, nd), dp: d.dp });
  // increment the kept digits
  const arr = d.digits.slice(0, nd).split('').map((c) => c.charCodeAt(0) - 48);
  let i = nd - 1;
  while (i >= 0 && arr[i] === 9) {
    arr[i] = 0;
    i--;
  }
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  arr[i]!++;
  return trimDecimal({ digits: arr.join(''), dp: d.dp });
}

/** Shortest round-trip digits (the same digits Go and ECMAScript choose). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const s = x.toExponential(); // d.ddddde±x, shortest
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) throw new Error(`unexpected exponential form ${s}`);
  const digits = m[1]! + (m[2] ?? '');
  return trimDecimal({ digits, dp: Number(m[3]) + 1 });
}

function digitAt(d: Decimal, i: number): string {
  return i < d.digits.length ? d.digits[i]! : '0';
}

function fmtE(neg: boolean, d: Decimal, prec: number, upper: boolean): string {
  let out = neg ? '-' : '';
  out += d.digits.length > 0 ? d.digits[0] : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  out += upper ? 'E' : 'e';
  let exp = d.digits.length === 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    for (let i = 0; i < d.dp; i++) out += digitAt(d, i);
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 ? digitAt(d, j) : '0';
    }
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/**
 * strconv.FormatFloat(x, fmt, prec, 64). prec -1 means "shortest representation".
 */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(abs);
  } else {
    const exact = exactDecimal(abs);
    switch (fmt) {
      case 'e':
      case 'E':
        d = roundDecimal(exact, prec + 1);
        break;
      case 'f':
        d = roundDecimal(exact, exact.dp + prec);
        break;
      default:
        if (prec === 0) prec = 1;
        d = roundDecimal(exact, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      if (shortest) prec = Math.max(d.digits.length - 1, 0);
      return fmtE(neg, d, prec, fmt === 'E');
    case 'f':
      if (shortest) prec = Math.max(d.digits.length - d.dp, 0);
      return fmtF(neg, d, prec);
    default: {
      const nd = d.digits.length;
      if (shortest) prec = nd;
      let eprec = prec;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (nd !== 0 && (exp < -4 || exp >= eprec)) {
        if (prec > nd) prec = nd;
        return fmtE(neg, d, prec - 1, fmt === 'G');
      }
      if (prec > d.dp) prec = nd;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
}
