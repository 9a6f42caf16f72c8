// The built site for tests of the pages: one build per test file, served as the edge serves
// dist/ (Workers static assets: /path/ → path/index.html, /path → a redirect to /path/ when that
// page exists, anything else → 404.html with status 404), and headless Chromium with fresh
// profiles.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PROMPT, rows } from '../e2e/browser';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export { buildSite, CHROMIUM, HAVE_CHROMIUM, PROMPT, rows } from '../e2e/browser';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.md': 'text/markdown' };

export interface Site {
  url: string;
  dir: string;
  close(): Promise<void>;
}

export type Resolved = { status: 200 | 404; file: string } | { status: 307; location: string };

/** What the edge's asset handling answers for a path of `dir`. */
export function resolveAsset(dir: string, pathname: string): Resolved {
  const path = decodeURIComponent(pathname);
  const file = join(dir, path);
  if (file.startsWith(dir)) {
    if (existsSync(file) && statSync(file).isFile()) return { status: 200, file };
    if (path.endsWith('/') && existsSync(join(file, 'index.html'))) return { status: 200, file: join(file, 'index.html') };
    if (!path.endsWith('/') && existsSync(join(file, 'index.html'))) return { status: 307, location: `${path}/` };
  }
  return { status: 404, file: join(dir, '404.html') };
}

export async function serve(dir: string): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const r = resolveAsset(dir, url.pathname);
    if (r.status === 307) {
      res.writeHead(307, { location: r.location + url.search });
      res.end();
      return;
    }
    res.writeHead(r.status, { 'content-type': TYPES[extname(r.file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(r.file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    dir,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A browser with a fresh profile (nothing cached, nothing stored). */
export async function launch(viewport = { width: 1280, height: 800 }, opts: { javaScript?: boolean; touch?: boolean } = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'docksim-site-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    javaScriptEnabled: opts.javaScript ?? true,
    hasTouch: opts.touch ?? false,
    isMobile: opts.touch ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type Hook = { ready: Promise<void>; session: { busy: boolean } };

/** Waits for the lesson's World and shell, and the prompt on the last row. */
export async function ready(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __docksim?: unknown }).__docksim !== undefined, undefined, { timeout: timeoutMs });
  await page.evaluate(() => (window as unknown as { __docksim: Hook }).__docksim.ready);
  await waitPrompt(page, timeoutMs);
}

/** Waits until no command runs and the prompt is on the last row. */
export async function waitPrompt(page: Page, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await rows(page);
    const busy = await page.evaluate(() => (window as unknown as { __docksim?: Hook }).__docksim?.session?.busy ?? true);
    if (!busy && r.length && PROMPT.test(r[r.length - 1]!)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for the prompt; the screen shows:\n${r.join('\n')}`);
    await page.waitForTimeout(50);
  }
}

/** Types a command and Enter on the keyboard, then waits for the prompt to come back. */
export async function typeCommand(page: Page, line: string, timeoutMs = 60_000): Promise<string> {
  const before = (await rows(page)).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  // the command starts (busy) or has already ended (a new prompt row)
  await page.waitForTimeout(100);
  await waitPrompt(page, timeoutMs);
  return (await rows(page)).slice(Math.max(0, before - 1)).join('\n');
}
