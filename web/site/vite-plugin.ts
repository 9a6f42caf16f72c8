// Prerendering, as a Vite plugin: at build time every page of the site is rendered to HTML from
// the sources (render/site.ts) and handed to Vite as an HTML entry, so Vite bundles the scripts
// and styles each page names and writes dist/<path>/index.html. In the dev server the same
// pages are rendered on each request. The pages are virtual: no generated file lives in web/.
//
// The playground's own page, web/index.html, is one of the sources: it is served at
// /playground/, and "/" is the home page.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { renderSite, type SitePage } from './render/site';

export interface SitePagesOptions {
  /** The repository's root (default: the parent of Vite's root). */
  repo?: string;
}

function readDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

/** Renders every page from the files on disk. */
export function renderFromDisk(repo: string, webRoot: string): SitePage[] {
  return renderSite({
    lessons: readDir(join(repo, 'content/lessons')),
    pages: readDir(join(repo, 'content/pages')),
    playground: readFileSync(join(webRoot, 'index.html'), 'utf8'),
  });
}

export function sitePages(opts: SitePagesOptions = {}): Plugin {
  let root = '';
  let repo = '';
  let byId = new Map<string, SitePage>();
  const render = () => {
    byId = new Map(renderFromDisk(repo, root).map((p) => [resolve(root, p.file), p]));
    return byId;
  };
  return {
    name: 'docksim-site-pages',
    config(cfg) {
      root = resolve(cfg.root ?? '.');
      repo = opts.repo ?? resolve(root, '..');
      const ids = [...render().keys()];
      return { build: { rollupOptions: { input: ids } } };
    },
    buildStart() {
      render();
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
        // /lessons/x → /lessons/x/, as the edge does
        if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
          const pages = render();
          if ([...pages.values()].some((p) => p.path === `${path}/`)) {
            res.statusCode = 307;
            res.setHeader('location', `${path}/${url.search}`);
            res.end();
            return;
          }
        }
        const page = [...render().values()].find((p) => p.path === path);
        if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        server
          .transformIndexHtml(url.pathname, page.html, req.originalUrl)
          .then((html) => {
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          })
          .catch(next);
      });
    },
  };
}
