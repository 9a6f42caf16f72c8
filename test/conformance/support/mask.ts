// Masking what differs between two runs of the same scenario — and only that.
//
// Real Docker prints values that depend on the instant or on random ids; the expectations of
// the conformance suite write them as placeholders:
//
//   ids         64-hex ids and their 12-hex short forms (containers, execs, networks, anonymous
//               volumes, endpoints, overlay2 directories): random in moby, seeded in docksim.
//               -> <ID1> (full), <id1> (short), numbered by first appearance, so the relations
//               stay checked: the short id of <ID1> is <id1>. Ids the test knows (a container
//               it created) can be named: alias(id, 'web') -> <ID:web>, <id:web>.
//   uuid        the daemon's ID in `docker info` (a random UUID) -> <uuid>
//   timestamps  RFC 3339 (inspect, logs -t, events) and Go's time.String (ps --format json)
//               -> <ts>
//   durations   go-units HumanDuration in "… ago" and "Up …" -> <dur>
//
// Content-addressed ids of images pulled from the (simulated) Hub are facts of the Hub, not
// random: they are kept (pass them in `keep`) and the expectations spell them out.
// test/conformance/mask.test.ts shows that each mask is needed and that nothing else differs.

export type MaskKind = 'ids' | 'uuid' | 'timestamps' | 'durations';
export const ALL_MASKS: readonly MaskKind[] = ['ids', 'uuid', 'timestamps', 'durations'];

export interface MaskOptions {
  /**
   * Facts that stay as they are: hex ids (full or short, with or without sha256:) and
   * timestamps (an image's Created on the Hub). Go's zero time is always kept.
   */
  keep?: Iterable<string>;
  /** Which masks apply (default: all). */
  kinds?: readonly MaskKind[];
}

const DURATION = String.raw`(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?)`;
const RE_DURATION = new RegExp(String.raw`(?<=\bUp )${DURATION}|${DURATION}(?= ago\b)`, 'g');
const RE_RFC3339 = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const RE_GO_TIME = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4} [A-Z]+\b/g;
const RE_UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const RE_HEX = /(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])|(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])/g;

export class Masker {
  private readonly keep = new Set<string>();
  private readonly keepTimes = new Set<string>(['0001-01-01T00:00:00Z']);
  private readonly numbers = new Map<string, number>();
  private readonly kinds: Set<MaskKind>;

  constructor(opts: MaskOptions = {}) {
    for (const k of opts.keep ?? []) {
      if (/^(sha256:)?[0-9a-f]{12,64}$/.test(k)) this.keep.add(k.replace(/^sha256:/, '').slice(0, 12));
      else this.keepTimes.add(k);
    }
    this.kinds = new Set(opts.kinds ?? ALL_MASKS);
  }

  private readonly aliases = new Map<string, string>();

  /**
   * Names an id known to the test (a container it created): its full form masks as
   * `<ID:name>`, its short form as `<id:name>`.
   */
  alias(id: string, name: string): this {
    this.aliases.set(id.replace(/^sha256:/, '').slice(0, 12), name);
    return this;
  }

  /** The placeholder number given to an id (by its first 12 hex digits), for assertions. */
  numberOf(id: string): number | undefined {
    return this.numbers.get(id.replace(/^sha256:/, '').slice(0, 12));
  }

  private idFor(hex: string): string {
    const key = hex.slice(0, 12);
    if (this.keep.has(key)) return hex;
    const name = this.aliases.get(key);
    if (name !== undefined) return hex.length === 64 ? `<ID:${name}>` : `<id:${name}>`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
    }
    return hex.length === 64 ? `<ID${n}>` : `<id${n}>`;
  }

  mask(text: string): string {
    let t = text;
    const time = (ts: string) => (this.keepTimes.has(ts) ? ts : '<ts>');
    if (this.kinds.has('timestamps')) t = t.replace(RE_RFC3339, time).replace(RE_GO_TIME, time);
    if (this.kinds.has('uuid')) t = t.replace(RE_UUID, '<uuid>');
    if (this.kinds.has('durations')) t = t.replace(RE_DURATION, '<dur>');
    if (this.kinds.has('ids')) t = t.replace(RE_HEX, (hex) => this.idFor(hex));
    return t;
  }

  /**
   * A table printed by the CLI's tabwriter: cells are found from the header's column offsets,
   * masked (plus per-column masks for values like PIDs or CPU %), and the table laid out again
   * with the same rules, so the expectation can be written as docker prints it.
   */
  table(text: string, opts: TableOptions = {}): string {
    if (text === '') return '';
    const rows = parseTable(text);
    const masked = rows.map((row, i) =>
      row.map((cell, j) => {
        const col = opts.columns?.[rows[0]![j]!];
        const m = i > 0 && col ? col(cell) : cell;
        return this.mask(m);
      }),
    );
    return renderTable(masked, opts);
  }
}

export interface TableOptions {
  /** Extra masks per column header, for values that depend on the instant (PID, CPU %...). */
  columns?: Record<string, (cell: string) => string>;
  /** tabwriter minwidth (docker: 10; `docker top`: 20). */
  minwidth?: number;
  padding?: number;
}

/** Splits a tabwriter table into cells, using the header's column offsets. */
export function parseTable(text: string): string[][] {
  const lines = text.replace(/\n$/, '').split('\n');
  const header = lines[0] ?? '';
  const starts: number[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m; m = re.exec(header)) starts.push(m.index);
  return lines.map((line) =>
    starts.map((s, j) => {
      const end = j + 1 < starts.length ? starts[j + 1]! : undefined;
      return line.slice(s, end).trimEnd();
    }),
  );
}

/** Lays cells out as docker's tabwriter does: width max(minwidth, longest + padding); last cell unpadded. */
export function renderTable(rows: readonly (readonly string[])[], opts: { minwidth?: number; padding?: number } = {}): string {
  const minwidth = opts.minwidth ?? 10;
  const padding = opts.padding ?? 3;
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let j = 0; j < cols - 1; j++) widths.push(Math.max(minwidth, ...rows.map((r) => [...(r[j] ?? '')].length + padding)));
  return rows.map((r) => r.map((c, j) => (j < cols - 1 ? c.padEnd(widths[j]! + c.length - [...c].length) : c)).join('')).join('\n') + '\n';
}
