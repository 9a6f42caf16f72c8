// Headless Chromium over the picture's test page (web/picture/demo.html), built by Vite into a
// temporary directory and served from loopback, for the browser tests in
// test/e2e/picture*.test.ts. A built page makes a handful of requests (the dev server's hundreds
// of modules fail now and then on these machines with ERR_NETWORK_CHANGED).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from '../support/shared';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ARTIFACTS = join(repoRoot, 'test-artifacts');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Builds the test page; returns the output directory. */
export async function buildDemo(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'dsp-demo-'));
  await build({
    configFile: false,
    root: join(repoRoot, 'web'),
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(repoRoot, 'web/picture/demo.html') } },
  });
  return out;
}

export interface DemoBrowser {
  url: string;
  dir: string;
  /** Paths served, in order (to see what loaded when). */
  served: string[];
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Opens the page, again if a flaky network broke its first load. */
  open(query?: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDemo(viewport = { width: 1280, height: 800 }): Promise<DemoBrowser> {
  const dir = await buildDemo();
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    served.push(path);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/picture/demo.html`;
  const profile = mkdtempSync(join(tmpdir(), 'dsp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    dir,
    served,
    context,
    page,
    errors,
    async open(query = '') {
      for (let i = 0; ; i++) {
        await page.goto(url + query);
        const ok = await page
          .waitForFunction(() => document.querySelector('.dsp svg.dsp-svg') !== null, undefined, { timeout: 20_000 })
          .then(() => true)
          .catch(() => false);
        if (ok || i >= 2) return;
      }
    },
    async close() {
      await context.close().catch(() => {});
      await new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      });
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
