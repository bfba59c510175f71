import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 serving the routes a test gives it; counts requests per path. */
export class FeedServer {
  readonly hits = new Map<string, number>();
  readonly requests: IncomingMessage[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly routes: Record<string, Route>) {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      this.requests.push(req);
      const route = this.routes[path];
      if (route) return route(req, res);
      res.writeHead(404).end('not found');
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Sockets still open (a timed-out fetch must not leave its socket behind). */
  get openSockets(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const serve =
  (
    body: string | Buffer,
    headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' },
  ) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, headers).end(body);
  };
