// The built site in headless Chromium (Debian's, through playwright-core): build it once into a
// temporary directory, serve it from a small static server on loopback, open pages in fresh
// profiles (cold cache, empty storage), type on the keyboard and read xterm's rows.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the site (vite build) into a new temporary directory. */
export function buildSite(): string {
  const out = mkdtempSync(join(tmpdir(), 'docksim-site-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export interface Site {
  url: string;
  dir: string;
  /** Bytes of each response served, by path (to measure what a page loaded). */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1: a directory's index.html; unknown paths get /index.html, as the edge's SPA fallback does. */
export async function serve(dir: string): Promise<Site> {
  const served = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dir, path);
    // a page's directory serves its index.html (the playground is /playground/, as on the edge)
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory() && existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    const body = readFileSync(file);
    served.set(path, body.length);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    dir,
    served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

/** Where the playground is: /playground/ (also / when the site has no other pages). */
export const PLAYGROUND = '/playground/';

/** A browser with a fresh profile (nothing cached, nothing stored). */
export async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'docksim-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1200, height: 1000 },
  });
  // functions handed to page.evaluate keep their names through tsx (esbuild's __name helper)
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The terminal's rows as shown (xterm's DOM renderer), trailing blanks dropped. */
export async function rows(page: Page): Promise<string[]> {
  const lines = await page.$$eval('.xterm-rows > div', (ds) => ds.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export async function screen(page: Page): Promise<string> {
  return (await rows(page)).join('\n');
}

/** Waits until the screen matches; fails showing the screen. */
export async function waitScreen(page: Page, pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await screen(page);
    if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${s}`);
    await page.waitForTimeout(25);
  }
}

export const PROMPT = /learner@docksim:[^\n]*\$$/;

/** Waits for the shell to be ready and its prompt on the last row. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __docksim?: { ready: Promise<void> } }).__docksim !== undefined);
  await page.evaluate(() => (window as unknown as { __docksim: { ready: Promise<void> } }).__docksim.ready);
  await waitScreen(page, PROMPT);
}

/** Types a command and Enter, as a person would. */
export async function typeLine(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Types a command, waits for the prompt to come back, returns the rows in between. */
export async function run(page: Page, text: string, timeoutMs = 30_000): Promise<string> {
  const before = await rows(page);
  await typeLine(page, text);
  const end = Date.now() + timeoutMs;
  for (;;) {
    await page.waitForTimeout(25);
    const now = await rows(page);
    const busy = await page.evaluate(() => (window as unknown as { __docksim: { session: { busy: boolean } } }).__docksim.session.busy);
    if (!busy && now.length > 0 && PROMPT.test(now[now.length - 1]!) && now.join('\n') !== before.join('\n')) {
      // the output: rows after the (last) line that shows the command
      let i = now.length - 2;
      while (i >= 0 && !now[i]!.endsWith(`$ ${text}`)) i--;
      return now.slice(i + 1, -1).join('\n');
    }
    if (Date.now() > end) throw new Error(`timed out running ${text}; the screen shows:\n${now.join('\n')}`);
  }
}
