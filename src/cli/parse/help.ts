// The docker CLI's help and usage text: its cobra usage template (cli/cobra.go) and pflag's
// FlagUsagesWrapped, reproduced byte for byte.
import type { Command } from './command';
import type { Flag, FlagSet } from './flagset';
import { goQuote } from './go';
import { defaultIsZero, displayTypeName, typeName } from './values';

export interface HelpOptions {
  /** columns of the terminal on stdin (docker reads the window size of fd 0); 80 when not a terminal */
  width?: number;
  /** the stream the help goes to is a terminal: the closing hint of `docker --help` is bold */
  outIsTerminal?: boolean;
}

const MIN_NAME_PADDING = 11;

// ------------------------------------------------------------------ pflag

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replace(/\n/g, '\n' + ' '.repeat(i));
  let wrapWidth = w - i;
  let r = '';
  if (wrapWidth < 24) {
    i = 16;
    wrapWidth = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (wrapWidth < 24) return s.replace(/\n/g, r);
  const slop = 5;
  wrapWidth -= slop;
  let l: string;
  [l, s] = wrapN(wrapWidth, slop, s);
  r += l.replace(/\n/g, '\n' + ' '.repeat(i));
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(wrapWidth, slop, s);
    r += '\n' + ' '.repeat(i) + t.replace(/\n/g, '\n' + ' '.repeat(i));
  }
  return r;
}

// byte length, as Go measures strings
function blen(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** pflag FlagSet.FlagUsagesWrapped */
export function flagUsagesWrapped(flags: readonly Flag[], cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  for (const flag of flags) {
    if (flag.hidden) continue;
    let line = flag.spec.short && !flag.spec.shorthandDeprecated ? `  -${flag.spec.short}, --${flag.name}` : `      --${flag.name}`;
    const varname = displayTypeName(flag.spec.kind);
    if (varname !== '') line += ' ' + varname;
    line += '\x00';
    if (blen(line) > maxlen) maxlen = blen(line);
    line += flag.spec.usage;
    if (!defaultIsZero(flag.spec.kind, flag.def, flag.value)) {
      line += typeName(flag.spec.kind) === 'string' ? ` (default ${goQuote(flag.def)})` : ` (default ${flag.def})`;
    }
    if (flag.spec.deprecated) line += ` (DEPRECATED: ${flag.spec.deprecated})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - blen(line.slice(0, sidx)));
    out += line.slice(0, sidx) + ' ' + spacing + ' ' + wrap(maxlen + 2, cols, line.slice(sidx + 1)) + '\n';
  }
  return out;
}

// ------------------------------------------------------------------ template helpers

function hasAvailableFlags(fs: FlagSet): boolean {
  return fs.all().some((f) => !f.hidden);
}

function isExperimental(c: Command): boolean {
  for (let p: Command | undefined = c; p; p = p.parent) if (p.spec.annotations?.experimentalCLI) return true;
  return false;
}

function hasAliases(c: Command): boolean {
  return c.aliases.length > 0 || !!c.spec.annotations?.aliases;
}

function commandAliases(c: Command): string {
  if (c.spec.annotations?.aliases) return c.spec.annotations.aliases;
  const parentPath = c.parent ? c.parent.path + ' ' : '';
  let out = c.path;
  for (const a of c.aliases) out += ', ' + parentPath + a;
  return out;
}

function naturalLess(a: string, b: string): boolean {
  // fvbommel/sortorder.NaturalLess, for the digit-only keys docker uses
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = BigInt(x);
      const ny = BigInt(y);
      if (nx !== ny) return nx < ny;
      return x.length < y.length;
    }
    return x < y;
  }
  return pa.length < pb.length;
}

function topCommands(c: Command): Command[] {
  if (c.parent) return [];
  const cmds = c.children.filter((s) => s.isAvailable() && s.spec.annotations?.categoryTop !== undefined);
  // stable sort
  return cmds
    .map((cmd, i) => ({ cmd, i }))
    .sort((x, y) => {
      const a = x.cmd.spec.annotations!.categoryTop!;
      const b = y.cmd.spec.annotations!.categoryTop!;
      if (naturalLess(a, b)) return -1;
      if (naturalLess(b, a)) return 1;
      return x.i - y.i;
    })
    .map((x) => x.cmd);
}

function operationSubCommands(c: Command): Command[] {
  return c.children.filter((s) => {
    if (s.spec.annotations?.categoryTop !== undefined && !c.parent) return false;
    return s.isAvailable() && !s.hasSubCommands();
  });
}

function allManagementSubCommands(c: Command): Command[] {
  return c.children.filter((s) => s.isAvailable() && s.hasSubCommands());
}

function namePadding(c: Command): number {
  const p = c.parent;
  if (!p || MIN_NAME_PADDING > p.maxChildNameLen) return MIN_NAME_PADDING;
  return p.maxChildNameLen;
}

const rpad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

// ------------------------------------------------------------------ the usage template

/** cobra UsageString with docker's usage template. */
export function usageString(c: Command, opts: HelpOptions = {}): string {
  const width = opts.width ?? 80;
  const flagUsages = () => flagUsagesWrapped(c.flags().all(), width - 1).replace(/\s+$/, '');
  let out = 'Usage:';
  if (!c.hasSubCommands()) out += '  ' + c.useLine;
  else out += '  ' + c.path + (hasAvailableFlags(c.flags()) ? ' [OPTIONS]' : '') + ' COMMAND';
  out += '\n\n';
  out += (c.spec.long ?? c.spec.short).trim();
  if (isExperimental(c)) {
    out +=
      `\n\nEXPERIMENTAL:\n  ${c.path} is an experimental feature.\n` +
      '  Experimental features provide early access to product functionality. These\n' +
      '  features may change between releases without warning, or can be removed from a\n' +
      '  future release. Learn more about experimental features in our documentation:\n' +
      '  https://docs.docker.com/go/experimental/';
  }
  if (hasAliases(c)) out += `\n\nAliases:\n  ${commandAliases(c)}`;
  if (c.parent && hasAvailableFlags(c.flags())) out += `\n\nOptions:\n${flagUsages()}`;
  const top = topCommands(c);
  if (top.length) {
    out += '\n\nCommon Commands:';
    for (const s of top) out += `\n  ${rpad(s.name + ' ', namePadding(s) + 1)}${s.spec.short}`;
  }
  const mgmt = allManagementSubCommands(c).filter((s) => s.spec.annotations?.swarm === undefined);
  if (mgmt.length) {
    out += '\n\nManagement Commands:';
    for (const s of mgmt) out += `\n  ${rpad(s.name + ' ', namePadding(s) + 1)}${s.spec.short}`;
  }
  const swarm = allManagementSubCommands(c).filter((s) => s.spec.annotations?.swarm !== undefined);
  if (swarm.length) {
    out += '\n\nSwarm Commands:';
    for (const s of swarm) out += `\n  ${rpad(s.name + ' ', namePadding(s) + 1)}${s.spec.short}`;
  }
  const ops = operationSubCommands(c);
  if (ops.length) {
    out += '\n\nCommands:';
    for (const s of ops) out += `\n  ${rpad(s.name, namePadding(s))} ${s.spec.short}`;
  }
  if (!c.parent && hasAvailableFlags(c.flags())) out += `\n\nGlobal Options:\n${flagUsages()}`;
  if (c.hasSubCommands()) out += `\n\nRun '${c.path} COMMAND --help' for more information on a command.`;
  const additional = c.spec.annotations?.additionalHelp;
  if (additional) out += '\n\n' + (opts.outIsTerminal ? `\x1b[1m${additional}\x1b[0m` : additional);
  return out + '\n';
}
