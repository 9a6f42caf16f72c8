// The one rule of who may import whom (docs/architecture.md), checked on every source file,
// and determinism by construction: no real clock or randomness in the simulator and the
// libraries it uses.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx|mts)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Which top-level area a path belongs to: 'src/sim', 'web', ... */
function area(path: string): string {
  const rel = relative(ROOT, path).split('/');
  return rel[0] === 'src' ? `src/${rel[1]}` : rel[0]!;
}

const LEAVES = ['src/vfs', 'src/units', 'src/reference', 'src/sh'];
const ALLOWED: Record<string, string[]> = {
  'src/sim': ['src/sim', ...LEAVES],
  'src/vfs': ['src/vfs'],
  'src/units': ['src/units'],
  'src/reference': ['src/reference'],
  'src/sh': ['src/sh', 'src/vfs'],
  'src/api': ['src/api', 'src/sim', ...LEAVES],
  'src/clock': ['src/clock', 'src/sim'],
  'src/node': ['src/node', 'src/api', 'src/sim', 'src/clock', ...LEAVES],
  'src/engine-client': ['src/engine-client'],
  'src/cli': ['src/cli', 'src/engine-client', 'src/units', 'src/reference', 'src/vfs', 'src/sh'],
  'src/shell': ['src/shell', 'src/cli', 'src/engine-client', 'src/vfs', 'src/sh', 'src/units'],
  'src/term': ['src/term'],
  'src/lessons': ['src/lessons', 'src/sim', ...LEAVES],
  worker: ['worker', 'src/api', 'src/sim', 'src/clock', 'src/lessons', ...LEAVES],
};
const NPM_ALLOWED: Record<string, RegExp> = {
  'src/sim': /^(xstate|@noble\/hashes)/,
  'src/vfs': /^@noble\/hashes/,
  'src/units': /^$/,
  'src/reference': /^$/,
  'src/sh': /^$/,
  'src/engine-client': /^$/,
  'src/term': /^@xterm\//,
};

function imports(text: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const SOURCES = ['src', 'worker'].flatMap((d) => files(join(ROOT, d)));

describe('architecture', () => {
  it('finds the sources', () => {
    expect(SOURCES.length).toBeGreaterThan(50);
  });

  it('every import follows the layering rule', () => {
    const violations: string[] = [];
    for (const f of SOURCES) {
      const from = area(f);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const spec of imports(readFileSync(f, 'utf8'))) {
        if (spec.startsWith('.')) {
          const to = area(resolve(f, '..', spec));
          if (!allowed.includes(to)) violations.push(`${relative(ROOT, f)} imports ${spec} (${from} -> ${to})`);
        } else if (!spec.startsWith('node:') || from === 'src/sim' || LEAVES.includes(from)) {
          const npm = NPM_ALLOWED[from];
          if (npm && !npm.test(spec)) violations.push(`${relative(ROOT, f)} imports package ${spec}`);
          if (spec.startsWith('node:') && (from === 'src/sim' || LEAVES.includes(from)))
            violations.push(`${relative(ROOT, f)} imports ${spec}: the simulator does no I/O`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the simulator and its libraries read no real clock and no real randomness', () => {
    const offenders: string[] = [];
    for (const f of SOURCES) {
      const a = area(f);
      if (a !== 'src/sim' && !LEAVES.includes(a)) continue;
      const code = readFileSync(f, 'utf8')
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        // method definitions (the virtual clock's own setTimeout) are not calls
        .replace(/^\s*(?:set|clear)(?:Timeout|Interval)\(.*\)\s*:\s*[\w<>| ]+\{\s*$/gm, '');
      // clock.setTimeout is the virtual clock's; a bare setTimeout would be real time
      for (const bad of [/Date\.now\(/, /Math\.random\(/, /new Date\(\)/, /performance\.now\(/, /(^|[^.\w])setTimeout\(/m, /(^|[^.\w])setInterval\(/m, /getRandomValues\(/]) {
        if (bad.test(code)) offenders.push(`${relative(ROOT, f)}: ${bad.source}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
