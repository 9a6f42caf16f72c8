// Progress streams of pull/push/build as the docker CLI shows them (pkg/jsonmessage and
// internal/jsonstream): one line per message on a pipe, progress bars redrawn in place on a
// terminal (ESC[nA / ESC[2K / ESC[nB), errors end the display.

import { formatGoDuration, formatRFC3339NanoFixed, goTime, humanSize } from '../units';
import { CliError } from './cli';

export interface JSONProgress {
  current?: number;
  total?: number;
  start?: number;
  hidecounts?: boolean;
  units?: string;
}

export interface JSONMessage {
  stream?: string;
  status?: string;
  progressDetail?: JSONProgress;
  progress?: string;
  id?: string;
  from?: string;
  time?: number;
  timeNano?: number;
  errorDetail?: { code?: number; message?: string };
  error?: string;
  aux?: unknown;
}

/** A stream error: docker prints its message as is (no "Error response from daemon"). */
export class StreamError extends CliError {}

function padLeft(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** JSONProgress.String() */
export function progressString(p: JSONProgress, width: number, nowMs: number): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) {
    if (!p.units) return padLeft(humanSize(current), 8);
    return `${current} ${p.units}`;
  }
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let pbBox = '';
  if (width > 110) {
    const numSpaces = 50 - percentage > 0 ? 50 - percentage : 0;
    pbBox = `[${'='.repeat(percentage)}>${' '.repeat(numSpaces)}] `;
  }
  let numbersBox = '';
  if (p.hidecounts) {
    // no numbers
  } else if (!p.units) {
    numbersBox = `${padLeft(humanSize(current), 8)}/${humanSize(total)}`;
    if (current > total) numbersBox = padLeft(humanSize(current), 8);
  } else {
    numbersBox = `${current}/${total} ${p.units}`;
    if (current > total) numbersBox = `${current} ${p.units}`;
  }
  let timeLeftBox = '';
  if (width > 50 && current > 0 && (p.start ?? 0) > 0 && percentage < 50) {
    const fromStartNs = BigInt(Math.round(nowMs - p.start! * 1000)) * 1_000_000n;
    const perEntry = fromStartNs / BigInt(current);
    const left = BigInt(total - current) * perEntry;
    // Duration.Round(time.Second)
    const sec = 1_000_000_000n;
    let r = left % sec;
    let rounded = left - r;
    if (r < 0n) r = -r;
    if (r + r >= sec) rounded += left < 0n ? -sec : sec;
    timeLeftBox = ' ' + formatGoDuration(rounded);
  }
  return pbBox + numbersBox + timeLeftBox;
}

export interface DisplayTarget {
  write(s: string): void;
  isTerminal: boolean;
  /** terminal width (docker asks the terminal; 200 when that fails) */
  width: number;
  now(): number;
}

/** DisplayJSONMessagesStream over already decoded messages. Throws StreamError on an error message. */
export class JSONMessageDisplay {
  private ids = new Map<string, number>();

  constructor(private readonly out: DisplayTarget) {}

  private displayOne(jm: JSONMessage): void {
    const out = this.out;
    if (jm.errorDetail) throw new StreamError(jm.errorDetail.message ?? '');
    let endl = '';
    const progress = jm.progressDetail;
    if (out.isTerminal && !jm.stream && progress) {
      out.write('\x1b[2K');
      endl = '\r';
      out.write(endl);
    } else if (progress && progressString(progress, out.width, out.now()) !== '') {
      return;
    }
    if (jm.timeNano) out.write(formatRFC3339NanoFixed(goTime(Math.floor(jm.timeNano / 1e6))) + ' ');
    else if (jm.time) out.write(formatRFC3339NanoFixed(goTime(jm.time * 1000)) + ' ');
    if (jm.id) out.write(`${jm.id}: `);
    if (jm.from) out.write(`(from ${jm.from}) `);
    if (progress && out.isTerminal) out.write(`${jm.status ?? ''} ${progressString(progress, out.width, out.now())}${endl}`);
    else if (jm.progress) out.write(`${jm.status ?? ''} ${jm.progress}${endl}`);
    else if (jm.stream) out.write(`${jm.stream}${endl}`);
    else out.write(`${jm.status ?? ''}${endl}\n`);
  }

  /** One message; returns after writing it. */
  message(jm: JSONMessage, aux?: (jm: JSONMessage) => void): void {
    if (jm.aux !== undefined && jm.aux !== null) {
      aux?.(jm);
      return;
    }
    const out = this.out;
    let diff = 0;
    if (jm.id && (jm.progressDetail || jm.progress)) {
      let line = this.ids.get(jm.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(jm.id, line);
        if (out.isTerminal) out.write('\n');
      }
      diff = this.ids.size - line;
      if (out.isTerminal && diff > 0) out.write(`\x1b[${diff}A`);
    } else {
      this.ids = new Map();
    }
    try {
      this.displayOne(jm);
    } finally {
      if (jm.id && out.isTerminal && diff > 0) out.write(`\x1b[${diff}B`);
    }
  }
}

/** Displays a whole streaming response (jsonstream.Display); Ctrl-C (`signal`) stops it. */
export async function displayStream(res: Response, out: DisplayTarget, opts: { aux?: (jm: JSONMessage) => void; signal?: AbortSignal } = {}): Promise<void> {
  const d = new JSONMessageDisplay(out);
  const reader = res.body?.getReader();
  if (!reader) return;
  const onAbort = () => void reader.cancel().catch(() => {});
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const dec = new TextDecoder();
  let buf = '';
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new DOMException('canceled', 'AbortError');
      const { done, value } = await reader.read();
      if (opts.signal?.aborted) throw new DOMException('canceled', 'AbortError');
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) d.message(JSON.parse(line) as JSONMessage, opts.aux);
        nl = buf.indexOf('\n');
      }
    }
    if (buf.trim()) d.message(JSON.parse(buf) as JSONMessage, opts.aux);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
