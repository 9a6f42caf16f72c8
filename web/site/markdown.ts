// A small Markdown renderer for the site's own text (lessons, reference pages): the subset
// those files use, rendered to HTML at build time. Blocks: ATX headings, paragraphs, fenced code,
// bullet and numbered lists (nested by indentation), block quotes, pipe tables, rules. Inline:
// code spans, **strong**, *emphasis*, links, <autolinks>, backslash escapes, hard breaks.
// Raw HTML is not passed through: every character of the source is escaped, so the text of a
// lesson can never inject markup.

import { esc, safeHref, slugify } from './html';

export interface FencedBlock {
  /** The info string's first word ("sh"), '' without one. */
  lang: string;
  /** The whole info string ("sh run"). */
  info: string;
  code: string;
  /** Position among the fenced blocks of this call (0, 1, ...). */
  index: number;
}

export interface MarkdownOptions {
  /** Renders a fenced block; undefined falls back to <pre><code>. */
  code?: (block: FencedBlock) => string | undefined;
  /** Added to heading levels (1: "#" renders as h2). */
  headingOffset?: number;
  /** Ids already taken on the page (headings get unique ids; the set is updated). */
  ids?: Set<string>;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^( {0,3})([-*+])(\s+)(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])(\s+)(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const TABLE_DELIM = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const blank = (l: string) => l.trim() === '';
const indentOf = (l: string) => l.length - l.replace(/^ +/, '').length;

/** Renders Markdown to HTML. */
export function renderMarkdown(md: string, opts: MarkdownOptions = {}): string {
  const state = { opts, ids: opts.ids ?? new Set<string>(), fenceIndex: 0 };
  return blocks(md.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'), state).join('\n');
}

interface State {
  opts: MarkdownOptions;
  ids: Set<string>;
  fenceIndex: number;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || BULLET.test(line) || ORDERED.test(line);
}

function uniqueId(text: string, ids: Set<string>): string {
  const base = slugify(text) || 'section';
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

function blocks(lines: string[], st: State): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    // fenced code
    const f = FENCE.exec(line);
    if (f) {
      const fence = f[2]!;
      const indent = f[1]!.length;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
        if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
        body.push(lines[j]!.replace(new RegExp(`^ {0,${indent}}`), ''));
      }
      const info = f[3]!.trim();
      const block: FencedBlock = { lang: info.split(/\s+/)[0] ?? '', info, code: body.join('\n'), index: st.fenceIndex++ };
      out.push(st.opts.code?.(block) ?? codeHtml(block));
      i = j + 1;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = Math.min(6, h[1]!.length + (st.opts.headingOffset ?? 0));
      const text = h[2] ?? '';
      out.push(`<h${level} id="${uniqueId(text, st.ids)}">${inline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !blank(lines[i]!)) {
        const q = QUOTE.exec(lines[i]!);
        inner.push(q ? q[1]! : lines[i]!);
        i++;
      }
      out.push(`<blockquote>\n${blocks(inner, st).join('\n')}\n</blockquote>`);
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const r = list(lines, i, st);
      out.push(r.html);
      i = r.next;
      continue;
    }
    // a table: a row of cells, then a delimiter row
    if (line.includes('|') && i + 1 < lines.length && TABLE_DELIM.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const rows: string[] = [line];
      let j = i + 2;
      for (; j < lines.length && !blank(lines[j]!) && lines[j]!.includes('|'); j++) rows.push(lines[j]!);
      out.push(table(rows, lines[i + 1]!));
      i = j;
      continue;
    }
    // a paragraph: until a blank line or another block
    const para: string[] = [line];
    i++;
    while (i < lines.length && !blank(lines[i]!) && !startsBlock(lines[i]!)) para.push(lines[i++]!);
    out.push(`<p>${inline(para.map((l) => l.replace(/^ +/, '')).join('\n'))}</p>`);
  }
  return out;
}

function codeHtml(b: FencedBlock): string {
  const cls = b.lang ? ` class="language-${esc(b.lang)}"` : '';
  return `<pre><code${cls}>${esc(b.code)}</code></pre>`;
}

function cells(row: string): string[] {
  let r = row.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|') && !r.endsWith('\\|')) r = r.slice(0, -1);
  const out: string[] = [];
  let cur = '';
  let inCode = false;
  for (let k = 0; k < r.length; k++) {
    const c = r[k]!;
    if (c === '\\' && r[k + 1] === '|') {
      cur += '|';
      k++;
    } else if (c === '`') {
      inCode = !inCode;
      cur += c;
    } else if (c === '|' && !inCode) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function table(rows: string[], delim: string): string {
  const aligns = cells(delim).map((d) => (d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : ''));
  const cell = (tag: string, text: string, k: number) => `<${tag}${aligns[k] ? ` style="text-align:${aligns[k]}"` : ''}>${inline(text)}</${tag}>`;
  const head = cells(rows[0]!);
  const body = rows.slice(1).map((r) => cells(r));
  return [
    '<div class="table-wrap"><table>',
    `<thead><tr>${head.map((c, k) => cell('th', c, k)).join('')}</tr></thead>`,
    body.length ? `<tbody>${body.map((r) => `<tr>${head.map((_, k) => cell('td', r[k] ?? '', k)).join('')}</tr>`).join('')}</tbody>` : '',
    '</table></div>',
  ].join('');
}

/** A list starting at line i: items of the same kind; nested content by indentation. */
function list(lines: string[], start: number, st: State): { html: string; next: number } {
  const first = lines[start]!;
  const ordered = !BULLET.test(first);
  const m0 = (ordered ? ORDERED : BULLET).exec(first)!;
  const startNum = ordered ? Number(m0[2]) : 1;
  const marker = ordered ? m0[3]! : m0[2]!;
  const items: string[][] = [];
  let loose = false;
  let i = start;
  let sawBlank = false;
  let contentIndent = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const m = (ordered ? ORDERED : BULLET).exec(line);
    const isItem = m !== null && (ordered ? m[3] === marker : m[2] === marker) && (items.length === 0 || indentOf(line) < contentIndent);
    if (m && isItem) {
      if (sawBlank && items.length) loose = true;
      sawBlank = false;
      const lead = ordered ? m[1]!.length + m[2]!.length + 1 + m[4]!.length : m[1]!.length + 1 + m[3]!.length;
      contentIndent = m[ordered ? 5 : 4]!.trim() === '' ? indentOf(line) + 2 : lead;
      items.push([m[ordered ? 5 : 4]!]);
      i++;
      continue;
    }
    if (blank(line)) {
      // the list goes on only if what follows is indented into the item or is another item
      let j = i + 1;
      while (j < lines.length && blank(lines[j]!)) j++;
      if (j >= lines.length) break;
      const nx = lines[j]!;
      const nm = (ordered ? ORDERED : BULLET).exec(nx);
      if (indentOf(nx) >= contentIndent || (nm && indentOf(nx) < contentIndent)) {
        sawBlank = true;
        for (let k = i; k < j; k++) items[items.length - 1]!.push('');
        i = j;
        continue;
      }
      break;
    }
    if (indentOf(line) >= contentIndent) {
      if (sawBlank && items[items.length - 1]!.some((l, k) => k > 0 && l === '')) loose = true;
      items[items.length - 1]!.push(line.slice(contentIndent));
      sawBlank = false;
      i++;
      continue;
    }
    // a lazy continuation of the item's paragraph
    if (!sawBlank && !startsBlock(line)) {
      items[items.length - 1]!.push(line.trim());
      i++;
      continue;
    }
    break;
  }
  const tag = ordered ? 'ol' : 'ul';
  const startAttr = ordered && startNum !== 1 ? ` start="${startNum}"` : '';
  const lis = items.map((it) => {
    while (it.length && blank(it[it.length - 1]!)) it.pop();
    let inner = blocks(it, st).join('\n');
    // a tight item shows its text without a paragraph around it
    if (!loose) inner = inner.replace(/^<p>([\s\S]*?)<\/p>/, '$1');
    return `<li>${inner}</li>`;
  });
  return { html: `<${tag}${startAttr}>\n${lis.join('\n')}\n</${tag}>`, next: i };
}

// ---- inline ---------------------------------------------------------------------------------------

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Renders the inline Markdown of one block's text. */
export function inline(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        out += '<br>\n';
        i += 2;
        continue;
      }
      if (i + 1 < n && PUNCT.test(text[i + 1]!)) {
        out += esc(text[i + 1]!);
        i += 2;
        continue;
      }
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findRun(text, i + run.length, run);
      if (close >= 0) {
        let code = text.slice(i + run.length, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        out += `<code>${esc(code)}</code>`;
        i = close + run.length;
        continue;
      }
      out += esc(run);
      i += run.length;
      continue;
    }
    if (c === '<') {
      const a = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(text.slice(i));
      if (a) {
        out += `<a href="${esc(safeHref(a[1]!))}">${esc(a[1]!)}</a>`;
        i += a[0].length;
        continue;
      }
    }
    if (c === '[' || (c === '!' && text[i + 1] === '[')) {
      const img = c === '!';
      const l = link(text, img ? i + 1 : i);
      if (l) {
        out += img
          ? `<img src="${esc(safeHref(l.href))}" alt="${esc(l.label.replace(/[`*_]/g, ''))}"${l.title ? ` title="${esc(l.title)}"` : ''}>`
          : `<a href="${esc(safeHref(l.href))}"${l.title ? ` title="${esc(l.title)}"` : ''}>${inline(l.label)}</a>`;
        i = l.end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const e = emphasis(text, i);
      if (e) {
        out += e.html;
        i = e.end;
        continue;
      }
      const run = new RegExp(`^\\${c}+`).exec(text.slice(i))![0];
      out += esc(run);
      i += run.length;
      continue;
    }
    if (c === '\n') {
      // two spaces before a newline: a hard break
      if (out.endsWith('  ')) out = `${out.replace(/ +$/, '')}<br>`;
      out += '\n';
      i++;
      continue;
    }
    out += esc(c);
    i++;
  }
  return out;
}

/** The index of the next backtick run exactly like `run` at or after `from`, or -1. */
function findRun(text: string, from: number, run: string): number {
  for (let j = from; j < text.length; ) {
    if (text[j] !== '`') {
      j++;
      continue;
    }
    const r = /^`+/.exec(text.slice(j))![0];
    if (r.length === run.length) return j;
    j += r.length;
  }
  return -1;
}

/** Skips a code span starting at j (returns the index after it), or returns j. */
function skipCode(text: string, j: number): number {
  if (text[j] !== '`') return j;
  const run = /^`+/.exec(text.slice(j))![0];
  const close = findRun(text, j + run.length, run);
  return close >= 0 ? close + run.length : j + run.length;
}

function link(text: string, i: number): { label: string; href: string; title?: string; end: number } | null {
  // the label: balanced brackets, code spans skipped
  let depth = 0;
  let j = i;
  for (; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '`') {
      j = skipCode(text, j) - 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= text.length || text[j + 1] !== '(') return null;
  const m = /^\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"([^"]*)")?\s*\)/.exec(text.slice(j + 1));
  if (!m) return null;
  const href = m[1]!.replace(/^<|>$/g, '');
  return { label: text.slice(i + 1, j), href, title: m[2], end: j + 1 + m[0].length };
}

function emphasis(text: string, i: number): { html: string; end: number } | null {
  const c = text[i]!;
  const run = new RegExp(`^\\${c}+`).exec(text.slice(i))![0];
  const before = text[i - 1];
  const after = text[i + run.length];
  // opening: followed by a non-space; "_" not inside a word
  if (isSpace(after)) return null;
  if (c === '_' && isAlnum(before)) return null;
  const size = run.length >= 2 ? 2 : 1;
  const delim = c.repeat(size);
  for (let j = i + size; j < text.length; ) {
    if (text[j] === '`') {
      j = skipCode(text, j);
      continue;
    }
    if (text[j] === '\\') {
      j += 2;
      continue;
    }
    if (text.startsWith(delim, j) && !isSpace(text[j - 1]) && j > i + size) {
      const next = text[j + size];
      // a longer run of the same character is not this closer (unless we close a strong inside it)
      const runHere = new RegExp(`^\\${c}+`).exec(text.slice(j))![0].length;
      if (c === '_' && isAlnum(next)) {
        j += runHere;
        continue;
      }
      if (size === 1 && runHere >= 2 && runHere !== 3) {
        j += runHere;
        continue;
      }
      const inner = inline(text.slice(i + size, j));
      const tag = size === 2 ? 'strong' : 'em';
      return { html: `<${tag}>${inner}</${tag}>`, end: j + size };
    }
    j++;
  }
  return null;
}
