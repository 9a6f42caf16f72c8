// Published ports on this machine: while a simulated container publishes a TCP port
// (`docker run -p 8080:80 nginx`), the Node host listens on that port of the address it serves
// the Engine API on, and hands each HTTP request to the simulated network, as if it came from
// the Docker host (POST /_sim/http). So `curl localhost:8080` answers here as on a real machine.
// Only HTTP is forwarded (the programs' other protocols live inside the simulation). A port this
// machine already uses is left alone, and said so once.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { EngineApi } from '../api/app';
import type { World } from '../sim/world';

export interface PortForwarderOptions {
  /** The address to listen on (the Docker endpoint's). */
  host: string;
  log?: (line: string) => void;
}

interface Answer {
  ok: boolean;
  response?: { status: number; statusText?: string; headers: Record<string, string>; body: string };
  error?: string;
}

export class PortForwarder {
  private readonly servers = new Map<number, Server>();
  private readonly refused = new Set<number>();
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly api: EngineApi,
    private readonly opts: PortForwarderOptions,
  ) {}

  /** Follows this world's published ports (a reset gives a new world: watch it instead). */
  watch(world: World): void {
    this.unwatch?.();
    const d = world.daemon();
    const update = () => {
      const wanted = new Set<number>();
      for (const c of d.containers.values()) if (c.running) for (const b of c.boundPorts) if (b.proto === 'tcp') wanted.add(b.hostPort);
      this.follow(wanted);
    };
    this.unwatch = d.events.subscribe((e) => {
      if (e.type === 'container') update();
    });
    update();
  }

  private follow(wanted: Set<number>): void {
    for (const [port, server] of this.servers) {
      if (wanted.has(port)) continue;
      this.servers.delete(port);
      server.close();
      server.closeAllConnections();
    }
    for (const port of this.refused) if (!wanted.has(port)) this.refused.delete(port);
    for (const port of wanted) if (!this.servers.has(port) && !this.refused.has(port)) this.open(port);
  }

  private open(port: number): void {
    const server = createServer((req, res) => {
      void this.forward(port, req).then(
        (a) => {
          if (!a.ok || !a.response) {
            // the simulated program did not answer: the connection ends, as with a reset
            req.socket.destroy();
            return;
          }
          const { status, statusText, headers, body } = a.response;
          const bytes = Buffer.from(body);
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(headers)) if (!/^(content-length|transfer-encoding|connection)$/i.test(k)) h[k] = v;
          h['Content-Length'] = String(bytes.length);
          res.writeHead(status, statusText, h);
          res.end(req.method === 'HEAD' ? undefined : bytes);
        },
        () => req.socket.destroy(),
      );
    });
    server.on('error', (e: NodeJS.ErrnoException) => {
      this.servers.delete(port);
      this.refused.add(port);
      this.opts.log?.(`docksim: port ${port} is published in the simulation but cannot be opened here (${e.code ?? e.message}); curl it from the site's terminal instead`);
    });
    this.servers.set(port, server);
    server.listen(port, this.opts.host);
  }

  private async forward(port: number, req: IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!] = req.rawHeaders[i + 1]!;
    const r = await this.api.fetch(
      new Request('http://docker/_sim/http', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: `http://127.0.0.1:${port}${req.url ?? '/'}`, method: req.method ?? 'GET', headers, body: Buffer.concat(chunks).toString() }),
      }),
    );
    return r.status === 200 ? ((await r.json()) as Answer) : { ok: false };
  }

  /** The ports listened on now. */
  ports(): number[] {
    return [...this.servers.keys()].filter((p) => this.servers.get(p)!.listening);
  }

  close(): Promise<void> {
    this.unwatch?.();
    this.unwatch = null;
    const all = [...this.servers.values()];
    this.servers.clear();
    return Promise.all(
      all.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    ).then(() => undefined);
  }
}
