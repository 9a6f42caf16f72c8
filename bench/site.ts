// A lesson page in headless Chromium on loopback (the built site served as the edge serves it,
// fresh profiles so the cache is cold), for the `web` suite:
//   web.lesson_first_prompt_ms  navigation start → the prompt drawn and the terminal focused
//   web.lesson_js_gzip_kb       JavaScript fetched before that prompt, gzipped
// Skips (no figures) without Debian's chromium.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite, HAVE_CHROMIUM, launch, serve } from '../test/site/support';
import type { Figure } from './engine';

const LESSON = '/lessons/architecture/';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Installed before any page script: records when the first prompt is on the screen and the terminal has the focus. */
const PROMPT_PROBE = `
(() => {
  const seen = () => {
    const rows = document.querySelector('.xterm-rows');
    if (!rows || !rows.textContent.includes('learner@docksim:~$')) return false;
    if (document.activeElement !== document.querySelector('.xterm-helper-textarea')) return false;
    window.__firstPrompt = performance.now();
    return true;
  };
  const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true, characterData: true });
})();
`;

async function firstPrompt(url: string): Promise<{ ms: number; scripts: string[] }> {
  const b = await launch({ width: 1280, height: 800 });
  try {
    await b.context.addInitScript(PROMPT_PROBE);
    await b.page.goto(url);
    await b.page.waitForFunction(() => (window as unknown as { __firstPrompt?: number }).__firstPrompt !== undefined, undefined, { timeout: 30_000 });
    return await b.page.evaluate(() => {
      const t = (window as unknown as { __firstPrompt: number }).__firstPrompt;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < t && /\.m?js(\?|$)/.test(e.name))
        .map((e) => new URL(e.name).pathname);
      return { ms: t, scripts };
    });
  } finally {
    await b.close();
  }
}

export async function siteBench(): Promise<Figure[]> {
  if (!HAVE_CHROMIUM) {
    console.log('web (lesson page): skipped (no /usr/bin/chromium; apt-get install chromium)');
    return [];
  }
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string) => {
    figures.push({ name, value, unit });
    console.log(`${name.padEnd(32)} ${value} ${unit}`);
  };
  const dir = buildSite();
  const site = await serve(dir);
  try {
    const runs: { ms: number; scripts: string[] }[] = [];
    for (let i = 0; i < 7; i++) runs.push(await firstPrompt(site.url + LESSON));
    add('web.lesson_first_prompt_ms', round(median(runs.map((r) => r.ms))), 'ms');
    const scripts = [...new Set(runs.flatMap((r) => r.scripts))];
    const gz = scripts.reduce((n, p) => n + gzipSync(readFileSync(join(dir, p))).length, 0);
    add('web.lesson_js_gzip_kb', round(gz / 1024), 'KB');
  } finally {
    await site.close();
  }
  return figures;
}
