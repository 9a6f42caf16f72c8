// /images/... routes (moby api/server/router/image at v28.2.2).

import type { Hono } from 'hono';
import { DaemonError, invalid } from '../../sim/core/errors';
import { Filters } from '../../sim/core/filters';
import { compareVersions, ctxOf, traceOp, type Env } from '../app';
import { boolValue, json, stream } from '../http';

/** X-Registry-Auth: base64url JSON of an AuthConfig; anything invalid counts as anonymous. */
export function decodeAuth(header: string | undefined): { username?: string; password?: string; serveraddress?: string } {
  if (!header) return {};
  try {
    const b64 = header.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)))) ?? {};
  } catch {
    return {};
  }
}

export function imageRoutes(app: Hono<Env>): void {
  app.get('/images/json', (c) => {
    const { e } = ctxOf(c);
    const filters = Filters.parse(c.req.query('filters'));
    const legacy = c.req.query('filter');
    if (legacy) filters.fields.set('reference', new Set([legacy]));
    const list = e.images.list({ all: boolValue(c.req.query('all')), filters, sharedSize: boolValue(c.req.query('shared-size')) });
    // clients before API 1.43 get placeholders for an image without references
    if (compareVersions(ctxOf(c).version, '1.43') < 0)
      for (const img of list) {
        const tags = img.RepoTags as string[] | null;
        const digests = img.RepoDigests as string[] | null;
        if ((tags ?? []).length === 0 && (digests ?? []).length === 0) {
          img.RepoTags = ['<none>:<none>'];
          img.RepoDigests = ['<none>@<none>'];
        }
      }
    return json(200, list);
  });

  app.post('/images/create', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'image.pull');
    const fromImage = c.req.query('fromImage') ?? '';
    const fromSrc = c.req.query('fromSrc');
    if (fromSrc !== undefined) throw new DaemonError('invalid', 'importing images from a source is not supported by this simulator');
    if (fromImage === '') throw invalid('invalid reference format');
    const tag = c.req.query('tag') ?? '';
    let ref = fromImage;
    if (tag !== '') ref = tag.startsWith('sha256:') ? `${fromImage}@${tag}` : `${fromImage}:${tag}`;
    const pull = e.images.pull(ref, c.req.query('platform') ?? '');
    return stream('application/json', (push, close) => {
      const unsub = pull.subscribe(
        (line) => push(line),
        (err) => {
          if (err) push(`${JSON.stringify({ errorDetail: { message: err }, error: err })}\n`);
          close();
        },
      );
      return unsub;
    });
  });

  app.post('/images/:name{.+}/push', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'image.push');
    const auth = decodeAuth(c.req.header('x-registry-auth'));
    const push = e.images.push(decodeURIComponent(c.req.param('name')), c.req.query('tag') ?? '', { username: auth.username });
    return stream('application/json', (push_, close) => push.subscribe(push_, () => close()));
  });

  app.get('/images/search', (c) => {
    const { e } = ctxOf(c);
    const term = c.req.query('term') ?? '';
    return json(200, e.images.search(term, Number(c.req.query('limit') ?? '25') || 25, Filters.parse(c.req.query('filters'))));
  });

  app.post('/images/prune', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'image.prune');
    return json(200, e.images.prune(Filters.parse(c.req.query('filters'))));
  });

  app.get('/images/:name{.+}/json', (c) => {
    const { e } = ctxOf(c);
    const img = e.images.get(decodeURIComponent(c.req.param('name')));
    return json(200, e.images.inspect(img));
  });

  app.get('/images/:name{.+}/history', (c) => {
    const { e } = ctxOf(c);
    const img = e.images.get(decodeURIComponent(c.req.param('name')));
    return json(200, e.images.history(img));
  });

  app.post('/images/:name{.+}/tag', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'image.tag');
    e.images.tag(decodeURIComponent(c.req.param('name')), c.req.query('repo') ?? '', c.req.query('tag') ?? '');
    return new Response(null, { status: 201 });
  });

  app.delete('/images/:name{.+}', (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'image.remove');
    const name = decodeURIComponent(c.req.param('name'));
    return json(200, e.images.remove(name, { force: boolValue(c.req.query('force')), noPrune: boolValue(c.req.query('noprune')) }));
  });
}
