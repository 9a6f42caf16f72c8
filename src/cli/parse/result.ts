// The parsed flags of a command, as the command implementations read them.
import type { FlagKind } from '../spec/types';
import type { FlagSet } from './flagset';

/**
 * Typed flag values. By kind:
 * bool → boolean; string, quotedString, pemFile, nodeAddr → string;
 * int, int32, uint, uint16, uint32, float64, float32, floatOpt, bytes, swapBytes → number;
 * decimal → number (nano CPUs); duration → bigint (nanoseconds);
 * durationOpt, positiveDuration → bigint | undefined; uint64Opt → number | undefined;
 * stringSlice, stringArray, list, ipNetSlice, externalCA → string[];
 * map, stringToString → Record<string, string>; filter → Record<string, string[]>;
 * throttleDevice → {path, rate}[]; weightDevice → {path, weight}[];
 * ulimit → Record<name, {Name, Soft, Hard}>; mount → MountValue[]; network → NetworkAttachment[];
 * gpus → DeviceRequest[]; port → PortConfig[]; secret, config → FileReference[];
 * pref → {Spread: {SpreadDescriptor}}[]; credentialSpec → {Config?|File?|Registry?} | undefined;
 * command → string[].
 */
export class ParsedFlags {
  constructor(private readonly fs: FlagSet) {}

  /** the flag's value (its default when not set); throws for an unknown flag name */
  get<T = unknown>(name: string): T {
    return this.flag(name).value.get() as T;
  }

  /** the flag was given on the command line (pflag Changed) */
  changed(name: string): boolean {
    return this.flag(name).changed;
  }

  has(name: string): boolean {
    return this.fs.lookup(name) !== undefined;
  }

  kind(name: string): FlagKind {
    return this.flag(name).spec.kind;
  }

  /** names of the flags given on the command line, in the order they were first given */
  setNames(): string[] {
    return this.fs.setOrder.map((f) => f.name);
  }

  /** all flag names of the command, sorted */
  names(): string[] {
    return this.fs.all().map((f) => f.name);
  }

  private flag(name: string) {
    const f = this.fs.lookup(name);
    if (!f) throw new Error(`no such flag: --${name}`);
    return f;
  }
}
