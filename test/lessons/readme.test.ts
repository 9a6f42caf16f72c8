// src/lessons/README.md documents every check with its parameters, as CHECKS defines them.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { CHECKS } from '../../src/lessons';

function generated(): string {
  const out: string[] = [];
  for (const d of Object.values(CHECKS)) {
    out.push(`### \`${d.name}\``, '', d.doc, '', '| parameter | type | |', '|---|---|---|');
    for (const [k, p] of Object.entries(d.params)) {
      const type = Array.isArray(p.type) ? (p.type as string[]).join(' \\| ') : String(p.type);
      out.push(`| \`${k}\`${p.required ? ' (required)' : ''} | ${type} | ${p.doc.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

it('the README lists every check and parameter as checks.ts defines them', () => {
  const readme = readFileSync(resolve(__dirname, '../../src/lessons/README.md'), 'utf8');
  const m = /<!-- checks:[^>]*-->\n([\s\S]*?)\n<!-- end of checks -->/.exec(readme);
  expect(m, 'the checks section markers').not.toBeNull();
  expect(m![1]!.trim()).toBe(generated().trim());
});
