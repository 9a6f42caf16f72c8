// A lesson file: Markdown with YAML front matter, split into an introduction and sections (one
// per `## ` heading). A section with a ```yaml step``` block is a step: its check, hints and
// reference solution live in that block, which is taken out of the text the page renders.
// Code blocks whose info string has the word `run` (```sh run```) are runnable: the page can
// put a Run button on them that types each command into the terminal.
//
//   ---
//   title: A first service
//   summary: Run nginx, publish a port, read its logs.
//   order: 5
//   prerequisites: [containers]
//   listen: ["unix:///var/run/docker.sock"]        (optional; the daemon's -H addresses)
//   setup:
//     - pull: [nginx]
//   ---
//
//   Introduction...
//
//   ## Publish a port
//
//   Text...
//
//   ```sh run
//   docker run -d --name web -p 8080:80 nginx
//   ```
//
//   ```yaml step
//   check:
//     container: { name: web, state: running, publishes: "8080:80" }
//   hints:
//     - -p takes hostPort:containerPort.
//   solution:
//     - docker run -d --name web -p 8080:80 nginx
//   ```

import { compileCheck, CheckSpecError, type CompiledCheck } from './checks';
import { parseSetup, SetupError, type SetupStep } from './setup';
import { parseYaml, YamlError, type YamlValue } from './yaml';

export interface CodeBlock {
  /** The info string's first word (sh, console, json...); '' when there is none. */
  lang: string;
  code: string;
  /** Marked `run`: the page may offer to type it. */
  runnable: boolean;
  /** The commands a Run button types: lines (joined at a trailing backslash), without blank and # comment lines. */
  commands: string[];
}

export interface LessonStep {
  /** Stable within the lesson: the block's `id`, else the heading's slug. Progress is kept by it. */
  id: string;
  title: string;
  /** The section's Markdown without the step block. */
  body: string;
  blocks: CodeBlock[];
  check: CompiledCheck;
  hints: string[];
  /** Commands that complete the step, in order (docker CLI lines and shell lines such as curl). In the
   *  step block: a list, or a literal block (`solution: |`) with one command a line. */
  solution: string[];
}

export interface LessonSection {
  title: string;
  body: string;
  blocks: CodeBlock[];
  /** Present when the section is a step. */
  step?: LessonStep;
}

export interface Lesson {
  /** From the file name: 03-containers.md -> containers. */
  id: string;
  title: string;
  summary: string;
  order: number;
  prerequisites: string[];
  /** The daemon's listening addresses (dockerd -H): the unix socket, and TCP if the lesson needs it. */
  listen: string[];
  setup: SetupStep[];
  /** Markdown before the first section. */
  intro: string;
  sections: LessonSection[];
  steps: LessonStep[];
}

export class LessonError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'LessonError';
  }
}

export const DEFAULT_LISTEN = ['unix:///var/run/docker.sock'];

/** The lesson id for a file name: strips directories, the .md extension and a leading "NN-". */
export function lessonIdOf(file: string): string {
  const base = file.split('/').pop()!.replace(/\.md$/, '');
  return base.replace(/^\d+[-_]/, '');
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface RawBlock {
  info: string;
  code: string;
  /** Where the block sits in the section's lines (fence to fence), to cut the step block out. */
  start: number;
  end: number;
}

/** Fenced code blocks of some Markdown lines (``` or ~~~, three or more, closing fence at least as long). */
function fences(lines: string[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const fence = m[2]!;
    if (fence[0] === '`' && m[3]!.includes('`')) continue;
    const indent = m[1]!.length;
    let j = i + 1;
    const body: string[] = [];
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(lines[j]!.replace(new RegExp(`^ {0,${indent}}`), ''));
    }
    out.push({ info: m[3]!.trim(), code: body.join('\n'), start: i, end: Math.min(j, lines.length - 1) });
    i = j;
  }
  return out;
}

/** The commands of a runnable block. */
export function commandsOf(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of code.split('\n')) {
    const line = cur === '' ? raw.replace(/^\$ /, '') : raw.trimStart();
    if (cur === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (/\\$/.test(line)) {
      // a continued line: one space where the backslash and the newline were
      cur += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    out.push((cur + line).trim());
    cur = '';
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

function codeBlock(b: RawBlock): CodeBlock {
  const words = b.info.split(/\s+/).filter(Boolean);
  const runnable = words.slice(1).includes('run');
  return { lang: words[0] ?? '', code: b.code, runnable, commands: runnable ? commandsOf(b.code) : [] };
}

function isStepBlock(b: RawBlock): boolean {
  const words = b.info.split(/\s+/);
  return (words[0] === 'yaml' || words[0] === 'yml') && words.includes('step');
}

function textList(v: YamlValue | undefined, where: string, file: string): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((x) => {
    if (typeof x !== 'string' && typeof x !== 'number')
      throw new LessonError(file, `${where}: expected text, got ${JSON.stringify(x)} (a line with ": " in it needs quotes, or a block: "solution: |")`);
    return String(x).trim();
  });
}

/** Splits a file into front matter and body. */
function frontMatter(text: string, file: string): { meta: Record<string, YamlValue>; body: string; offset: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new LessonError(file, 'a lesson starts with front matter between --- lines');
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) throw new LessonError(file, 'front matter is not closed by a --- line');
  let meta: YamlValue;
  try {
    meta = parseYaml(lines.slice(1, end).join('\n'));
  } catch (e) {
    if (e instanceof YamlError) throw new LessonError(file, `front matter line ${e.line + 1}: ${e.message.replace(/^line \d+: /, '')}`);
    throw e;
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw new LessonError(file, 'front matter must be a mapping');
  return { meta, body: lines.slice(end + 1).join('\n'), offset: end + 1 };
}

const META_KEYS = ['title', 'summary', 'order', 'prerequisites', 'listen', 'setup'];
const STEP_KEYS = ['id', 'check', 'hints', 'solution'];

/** Parses one lesson file; throws LessonError naming the file and what is wrong. */
export function parseLesson(file: string, text: string): Lesson {
  const { meta, body } = frontMatter(text, file);
  for (const k of Object.keys(meta)) if (!META_KEYS.includes(k)) throw new LessonError(file, `unknown front matter key "${k}" (known: ${META_KEYS.join(', ')})`);
  if (typeof meta.title !== 'string' || meta.title.trim() === '') throw new LessonError(file, 'front matter needs a title');
  if (typeof meta.summary !== 'string' || meta.summary.trim() === '') throw new LessonError(file, 'front matter needs a summary');
  if (typeof meta.order !== 'number' || !Number.isFinite(meta.order)) throw new LessonError(file, 'front matter needs a numeric order');
  const prerequisites = textList(meta.prerequisites, 'prerequisites', file);
  const listen = meta.listen === undefined ? [...DEFAULT_LISTEN] : textList(meta.listen, 'listen', file);
  for (const l of listen) if (!/^(unix:\/\/\/\S+|tcp:\/\/[^\s:]+:\d+)$/.test(l)) throw new LessonError(file, `listen: expected unix:///path or tcp://host:port, got ${JSON.stringify(l)}`);
  let setup: SetupStep[];
  try {
    setup = parseSetup(meta.setup);
  } catch (e) {
    if (e instanceof SetupError) throw new LessonError(file, e.message);
    throw e;
  }

  // sections: split at "## " headings outside code fences
  const lines = body.split('\n');
  const inFence = new Set<number>();
  for (const f of fences(lines)) for (let i = f.start; i <= f.end; i++) inFence.add(i);
  const heads: number[] = [];
  lines.forEach((l, i) => {
    if (!inFence.has(i) && /^## \S/.test(l)) heads.push(i);
  });
  const intro = lines.slice(0, heads[0] ?? lines.length).join('\n').trim();
  const sections: LessonSection[] = [];
  const steps: LessonStep[] = [];
  const ids = new Set<string>();
  heads.forEach((h, k) => {
    const title = lines[h]!.slice(3).trim();
    const own = lines.slice(h + 1, heads[k + 1] ?? lines.length);
    const blocks = fences(own);
    const stepBlocks = blocks.filter(isStepBlock);
    if (stepBlocks.length > 1) throw new LessonError(file, `section "${title}": more than one step block`);
    const sb = stepBlocks[0];
    const kept = sb ? [...own.slice(0, sb.start), ...own.slice(sb.end + 1)] : own;
    const section: LessonSection = { title, body: kept.join('\n').trim(), blocks: blocks.filter((b) => b !== sb).map(codeBlock) };
    if (sb) {
      let m: YamlValue;
      try {
        m = parseYaml(sb.code);
      } catch (e) {
        if (e instanceof YamlError) throw new LessonError(file, `step "${title}": ${e.message}`);
        throw e;
      }
      if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new LessonError(file, `step "${title}": the step block must be a mapping`);
      for (const key of Object.keys(m)) if (!STEP_KEYS.includes(key)) throw new LessonError(file, `step "${title}": unknown key "${key}" (known: ${STEP_KEYS.join(', ')})`);
      const id = m.id === undefined ? slug(title) : String(m.id);
      if (id === '') throw new LessonError(file, `step "${title}": empty id`);
      if (ids.has(id)) throw new LessonError(file, `step "${title}": duplicate step id "${id}"`);
      ids.add(id);
      if (m.check === undefined) throw new LessonError(file, `step "${title}": no check`);
      let check: CompiledCheck;
      try {
        check = compileCheck(m.check, 'check');
      } catch (e) {
        if (e instanceof CheckSpecError) throw new LessonError(file, `step "${title}": ${e.message}`);
        throw e;
      }
      // a list of lines, or a block (solution: |) with one command a line
      const solution = typeof m.solution === 'string' ? commandsOf(m.solution) : textList(m.solution, `step "${title}": solution`, file);
      if (solution.length === 0) throw new LessonError(file, `step "${title}": no reference solution`);
      const step: LessonStep = { id, title, body: section.body, blocks: section.blocks, check, hints: textList(m.hints, `step "${title}": hints`, file), solution };
      section.step = step;
      steps.push(step);
    }
    sections.push(section);
  });
  if (steps.length === 0) throw new LessonError(file, 'a lesson needs at least one step (a section with a ```yaml step``` block)');
  return {
    id: lessonIdOf(file),
    title: meta.title.trim(),
    summary: meta.summary.trim(),
    order: meta.order,
    prerequisites,
    listen,
    setup,
    intro,
    sections,
    steps,
  };
}

/** Parses every lesson (file name -> text), in order; checks ids and prerequisites across them. */
export function parseLessons(files: Record<string, string>): Lesson[] {
  const lessons = Object.entries(files).map(([file, text]) => parseLesson(file, text));
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const seen = new Map<string, Lesson>();
  for (const l of lessons) {
    if (seen.has(l.id)) throw new LessonError(l.id, `two lessons have the id "${l.id}"`);
    for (const p of l.prerequisites) {
      const pre = seen.get(p);
      if (!pre) {
        const later = lessons.some((x) => x.id === p);
        throw new LessonError(l.id, later ? `prerequisite "${p}" comes later in the order` : `unknown prerequisite "${p}"`);
      }
    }
    seen.set(l.id, l);
  }
  return lessons;
}
