// spf13/pflag's FlagSet as cobra uses it in the docker CLI: long and short forms, combined
// shorthands, `--` and interspersed arguments, and the exact parse error texts.
import type { FlagSpec } from '../spec/types';
import { goQuote, goQuoteRune } from './go';
import type { FlagValue } from './values';

/** One flag of one parse run. Flags inherited from a parent (persistent) are the same object. */
export interface Flag {
  readonly spec: FlagSpec;
  readonly name: string;
  readonly value: FlagValue;
  /** pflag DefValue, after environment-dependent defaults were applied */
  readonly def: string;
  changed: boolean;
  /** hidden in help; starts as spec.hidden/deprecated, may be set by hideUnsupportedFeatures */
  hidden: boolean;
}

/** A pflag parse error (returned, not printed, as cobra configures pflag). */
export class FlagParseError extends Error {}

export class FlagSet {
  private readonly formal = new Map<string, Flag>();
  private readonly shorthands = new Map<string, Flag>();
  args: string[] = [];
  argsLenAtDash = -1;
  /** messages pflag writes to its output while parsing (deprecation notices) */
  output = '';
  /** the order flags were first set in (pflag's orderedActual) */
  readonly setOrder: Flag[] = [];

  constructor(public interspersed = true) {}

  add(flag: Flag): void {
    if (this.formal.has(flag.name)) return; // cobra: a local flag shadows an inherited one
    this.formal.set(flag.name, flag);
    if (flag.spec.short && !this.shorthands.has(flag.spec.short)) this.shorthands.set(flag.spec.short, flag);
  }

  lookup(name: string): Flag | undefined {
    return this.formal.get(name);
  }

  shorthandLookup(c: string): Flag | undefined {
    return this.shorthands.get(c);
  }

  /** all flags sorted by name (pflag VisitAll) */
  all(): Flag[] {
    return [...this.formal.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** number of flags that were set (pflag NFlag) */
  nFlag(): number {
    return this.setOrder.length;
  }

  set(flag: Flag, value: string): void {
    try {
      flag.value.set(value);
    } catch (e) {
      const fname = flag.spec.short && !flag.spec.shorthandDeprecated ? `-${flag.spec.short}, --${flag.name}` : `--${flag.name}`;
      throw new FlagParseError(`invalid argument ${goQuote(value)} for ${goQuote(fname)} flag: ${(e as Error).message}`);
    }
    if (!flag.changed) {
      flag.changed = true;
      this.setOrder.push(flag);
    }
    if (flag.spec.deprecated) this.output += `Flag --${flag.name} has been deprecated, ${flag.spec.deprecated}\n`;
  }

  parse(args: readonly string[]): void {
    this.args = [];
    let rest = [...args];
    while (rest.length > 0) {
      const s = rest[0];
      rest = rest.slice(1);
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        if (!this.interspersed) {
          this.args.push(s, ...rest);
          return;
        }
        this.args.push(s);
        continue;
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          this.argsLenAtDash = this.args.length;
          this.args.push(...rest);
          return;
        }
        rest = this.parseLong(s, rest);
      } else {
        rest = this.parseShort(s, rest);
      }
    }
  }

  private parseLong(s: string, args: string[]): string[] {
    let name = s.slice(2);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagParseError(`bad flag syntax: ${s}`);
    const eq = name.indexOf('=');
    const hasValue = eq >= 0;
    const inline = hasValue ? name.slice(eq + 1) : '';
    if (hasValue) name = name.slice(0, eq);
    const flag = this.formal.get(name);
    if (!flag) throw new FlagParseError(`unknown flag: --${name}`);
    let value: string;
    if (hasValue) value = inline;
    else if (flag.spec.kind === 'bool') value = 'true';
    else if (args.length > 0) {
      value = args[0];
      args = args.slice(1);
    } else throw new FlagParseError(`flag needs an argument: ${s}`);
    this.set(flag, value);
    return args;
  }

  private parseShort(s: string, args: string[]): string[] {
    let shorthands = s.slice(1);
    const original = args;
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const flag = this.shorthands.get(c);
      // pflag works on bytes: a non-ASCII character is reported by its first UTF-8 byte
      const shown = goQuoteRune(new TextEncoder().encode(shorthands)[0]);
      if (!flag) throw new FlagParseError(`unknown shorthand flag: ${shown} in -${shorthands}`);
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        next = '';
      } else if (flag.spec.kind === 'bool') {
        value = 'true';
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = '';
      } else if (original.length > 0) {
        value = original[0];
        args = original.slice(1);
      } else {
        throw new FlagParseError(`flag needs an argument: ${shown} in -${shorthands}`);
      }
      if (flag.spec.shorthandDeprecated) {
        this.output += `Flag shorthand -${flag.spec.short} has been deprecated, ${flag.spec.shorthandDeprecated}\n`;
      }
      this.set(flag, value);
      shorthands = next;
    }
    return args;
  }
}
