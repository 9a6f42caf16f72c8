// Prerendering, as a Vite plugin: at build time every page of the site is rendered to HTML from
// the sources (render/site.ts) and handed to Vite as an HTML entry, so Vite bundles the scripts
// and styles each page names and writes dist/<path>/index.html. In the dev server the same
// pages are rendered on each request. The pages are virtual: no generated file lives in web/.
//
// The playground's own page, web/index.html, is one of the sources: it is served at
// /playground/, and "/" is the home page.

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { SitePage } from './render/site';

export interface SitePagesOptions {
  /** The repository's root (default: the parent of Vite's root). */
  repo?: string;
}

type Renderer = (repo: string, webRoot: string) => SitePage[];

/**
 * The renderer (render/from-disk.ts), loaded through Vite's module runner: imported statically it
 * would be bundled into the config, with the lessons' checks and the simulator behind them.
 */
async function loadRenderer(repo: string): Promise<Renderer> {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport<{ renderFromDisk: Renderer }>(join(repo, 'web/site/render/from-disk.ts'), {
    configFile: false,
    root: repo,
    logLevel: 'error',
  });
  return module.renderFromDisk;
}

export function sitePages(opts: SitePagesOptions = {}): Plugin {
  let root = '';
  let repo = '';
  let byId = new Map<string, SitePage>();
  let renderer: Renderer | null = null;
  const render = async () => {
    renderer ??= await loadRenderer(repo);
    byId = new Map(renderer(repo, root).map((p) => [resolve(root, p.file), p]));
    return byId;
  };
  return {
    name: 'docksim-site-pages',
    async config(cfg) {
      root = resolve(cfg.root ?? '.');
      repo = opts.repo ?? resolve(root, '..');
      const ids = [...(await render()).keys()];
      return { build: { rollupOptions: { input: ids } } };
    },
    async buildStart() {
      // rendered for the config already; a rebuild (watch mode) renders again
      if (this.meta.watchMode) await render();
      for (const dir of ['content/lessons', 'content/pages']) {
        const d = join(repo, dir);
        if (existsSync(d)) for (const f of readdirSync(d)) this.addWatchFile(join(d, f));
      }
    },
    resolveId(id) {
      const abs = id.startsWith(root) ? id : resolve(root, `.${id.startsWith('/') ? id : `/${id}`}`);
      if (byId.has(abs)) return abs;
      return null;
    },
    load(id) {
      return byId.get(id)?.html ?? null;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://site');
        let path = url.pathname;
        if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        render()
          .then(async (pages) => {
            const all = [...pages.values()];
            // /lessons/x → /lessons/x/, as the edge does
            if (!path.endsWith('/') && all.some((p) => p.path === `${path}/`)) {
              res.statusCode = 307;
              res.setHeader('location', `${path}/${url.search}`);
              res.end();
              return;
            }
            const page = all.find((p) => p.path === path);
            if (!page) return next();
            const html = await server.transformIndexHtml(url.pathname, page.html, req.originalUrl);
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          })
          .catch(next);
      });
    },
  };
}
