// Every page, rendered from the files on disk (the build and the dev server read them here).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSite, type SitePage } from './site';

function readDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

/** Renders every page: `repo` holds content/, `webRoot` the playground's index.html. */
export function renderFromDisk(repo: string, webRoot: string): SitePage[] {
  return renderSite({
    lessons: readDir(join(repo, 'content/lessons')),
    pages: readDir(join(repo, 'content/pages')),
    playground: readFileSync(join(webRoot, 'index.html'), 'utf8'),
  });
}
