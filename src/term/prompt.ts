// A prompt as the editor draws it. Only visible characters take columns: escape sequences
// (colours, window titles) and text between readline's \x01 and \x02 markers (what bash's
// \[ and \] become) are written but not counted. A prompt may span several lines; the part
// up to the last newline is printed when the prompt first appears and on full redraws, and
// only its last line takes part in editing, as with readline.

import { isControl, nextBoundary, textWidth, type WidthFn } from './width';

/** One visible character of the prompt, with any invisible sequences written before it. */
export interface PromptCell {
  text: string;
  w: number;
}

export interface ParsedPrompt {
  /** Lines before the last one, newlines written as CR LF; '' for a one-line prompt. */
  prefix: string;
  /** The last line, cell by cell. */
  cells: PromptCell[];
  /** Visible width of the last line. */
  width: number;
}

// Sticky tokens: escape sequences and \x01...\x02 spans are invisible.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x01[^\x02]*\x02?|\x02/y;

/** Splits a prompt into its invisible and visible parts. */
export function parsePrompt(prompt: string, width: WidthFn): ParsedPrompt {
  const nl = prompt.lastIndexOf('\n');
  const prefix = nl < 0 ? '' : stripMarkers(prompt.slice(0, nl + 1)).replace(/\r?\n/g, '\r\n');
  const last = nl < 0 ? prompt : prompt.slice(nl + 1);
  const cells: PromptCell[] = [];
  let pending = '';
  let total = 0;
  let i = 0;
  while (i < last.length) {
    INVISIBLE.lastIndex = i;
    const m = INVISIBLE.exec(last);
    if (m) {
      const seq = m[0];
      // Markers are not written; what they enclose is.
      pending += seq.charCodeAt(0) === 1 ? seq.replace(/[\x01\x02]/g, '') : seq === '\x02' ? '' : seq;
      i += seq.length;
      continue;
    }
    const cp = last.codePointAt(i)!;
    if (isControl(cp)) {
      // Stray control characters (a CR, a BEL) would move the cursor behind our back.
      i += 1;
      continue;
    }
    const j = nextBoundary(last, i, width);
    const ch = last.slice(i, j);
    const w = textWidth(ch, width);
    cells.push({ text: pending + ch, w });
    total += w;
    pending = '';
    i = j;
  }
  if (pending) {
    if (cells.length > 0) cells[cells.length - 1] = { text: cells[cells.length - 1].text + pending, w: cells[cells.length - 1].w };
    else cells.push({ text: pending, w: 0 });
  }
  return { prefix, cells, width: total };
}

function stripMarkers(s: string): string {
  return s.replace(/[\x01\x02]/g, '');
}

/** A prompt of plain text (no escapes), as cells. */
export function plainCells(text: string, width: WidthFn): PromptCell[] {
  const cells: PromptCell[] = [];
  let i = 0;
  while (i < text.length) {
    const j = nextBoundary(text, i, width);
    const ch = text.slice(i, j);
    cells.push({ text: ch, w: textWidth(ch, width) });
    i = j;
  }
  return cells;
}
