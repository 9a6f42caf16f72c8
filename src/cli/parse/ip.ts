// Go's net.ParseIP / net.IP.String / net.ParseCIDR, as far as the docker CLI's flag validators
// use them (ValidateIPAddress normalises "0:0::1" to "::1", IPv4-mapped addresses print as IPv4).

/** net.ParseIP: 16 bytes, or null when `s` is not an IP address. */
export function parseIP(s: string): Uint8Array | null {
  if (s.includes('.') && !s.includes(':')) {
    const v4 = parseIPv4(s);
    if (!v4) return null;
    const out = new Uint8Array(16);
    out[10] = 0xff;
    out[11] = 0xff;
    out.set(v4, 12);
    return out;
  }
  if (s.includes(':')) return parseIPv6(s);
  return null;
}

function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    if (p.length > 1 && p[0] === '0') return null; // leading zeros are rejected
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIPv6(s: string): Uint8Array | null {
  const out = new Uint8Array(16);
  let ellipsis = -1;
  let i = 0;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return out;
  }
  while (i < 16) {
    const m = /^[0-9a-fA-F]{1,4}/.exec(s);
    if (!m) return null;
    // embedded IPv4 in the last 32 bits
    if (s.length > m[0].length && s[m[0].length] === '.') {
      if (ellipsis < 0 && i !== 12) return null;
      if (i + 4 > 16) return null;
      const v4 = parseIPv4(s);
      if (!v4) return null;
      out.set(v4, i);
      i += 4;
      s = '';
      break;
    }
    const n = parseInt(m[0], 16);
    out[i] = n >> 8;
    out[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(m[0].length);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return null;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return null;
  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) out[j + n] = out[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) out[j] = 0;
  } else if (ellipsis >= 0) {
    return null;
  }
  return out;
}

function isV4Mapped(ip: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

/** net.IP.String for a 16-byte address */
export function formatIP(ip: Uint8Array): string {
  if (isV4Mapped(ip)) return `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
  // find the longest run of zero groups (length >= 2)
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && ip[j] === 0 && ip[j + 1] === 0) j += 2;
    if (j - i > bestLen && j - i >= 4) {
      bestStart = i;
      bestLen = j - i;
    }
    if (j > i) i = j - 2;
  }
  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 2;
      continue;
    }
    if (i > 0 && !out.endsWith(':')) out += ':';
    out += ((ip[i] << 8) | ip[i + 1]).toString(16);
  }
  return out;
}

/** net.ParseCIDR: the network in canonical form ("10.0.0.0/8"), or null. */
export function parseCIDR(s: string): string | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  const ip = parseIP(addr);
  if (!ip || !/^[0-9]+$/.test(bitsText) || (bitsText.length > 1 && bitsText[0] === '0')) return null;
  const v4 = addr.includes('.') && !addr.includes(':');
  const total = v4 ? 32 : 128;
  const bits = Number(bitsText);
  if (bits > total) return null;
  const offset = v4 ? 12 : 0;
  const net = ip.slice();
  for (let b = 0; b < total; b++) {
    if (b >= bits) {
      const byte = offset + (b >> 3);
      net[byte] &= ~(0x80 >> (b & 7));
    }
  }
  if (v4) return `${net[12]}.${net[13]}.${net[14]}.${net[15]}/${bits}`;
  return `${formatIP(net)}/${bits}`;
}
