// The edge host: a Hono app on Cloudflare Workers. It serves the built site, and gives each
// session a Durable Object holding its World behind the Engine API (/session/<id>/engine/...).

import { Hono } from 'hono';
export { Session } from './session';

interface Env {
  ASSETS: { fetch(req: Request): Promise<Response> };
  SESSIONS: DurableObjectNamespace;
}

const app = new Hono<{ Bindings: Env }>();

app.get('/healthz', (c) => c.json({ ok: true, service: 'docksim' }));

app.all('/session/:id/engine/*', async (c) => {
  const id = c.req.param('id');
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) return c.json({ message: 'invalid session id' }, 400);
  const stub = c.env.SESSIONS.get(c.env.SESSIONS.idFromName(id));
  const url = new URL(c.req.url);
  url.pathname = url.pathname.replace(/^\/session\/[^/]+\/engine/, '') || '/';
  return stub.fetch(new Request(url.toString(), c.req.raw));
});

app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw));

export default app;
