import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { type OAuthAppConfig, SlackOAuthSide } from './slack-oauth.ts';

export interface SlackPost {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  link_names?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** One Web API call as the stand-in received it, with the token it carried (Authorization header or form). */
export interface ApiRequest {
  method: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

export interface ResponseUrlCall {
  path: string;
  body: Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, metadata) as JSON strings inside the form.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

/**
 * A Slack stand-in on 127.0.0.1: the Web API methods the bot calls (auth.test, chat.postMessage,
 * conversations.history with message metadata) under /api/, and response_url endpoints under
 * /respond/. `failNext` makes the next calls of a method answer HTTP 500 (or "die" after storing).
 * With `oauthApp(...)`, the OAuth install: /oauth/v2/authorize and oauth.v2.access.
 */
export class SlackStandIn {
  readonly posts: SlackPost[] = [];
  readonly responses: ResponseUrlCall[] = [];
  readonly calls: string[] = [];
  readonly requests: ApiRequest[] = [];
  readonly oauth = new SlackOAuthSide();
  private failures = new Map<string, number>();
  private losses = new Map<string, number>();
  private hangs = new Map<string, number>();
  private rejected = new Set<string>();
  private held: { ms: number; done: (what: 'posted' | 'dropped') => void } | undefined;
  private postWaiters: ((post: SlackPost) => void)[] = [];
  private waiters: (() => void)[] = [];
  private server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/oauth/v2/authorize') {
      const [status, headers, body] = this.oauth.authorize(url);
      res.writeHead(status, headers).end(body);
      return;
    }
    this.handle(req)
      .then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })
      .catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  private counter = 0;
  private sockets = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private socketWaiters: ((ws: WebSocket) => void)[] = [];

  async start(): Promise<this> {
    // Socket Mode: apps.connections.open hands out ws://127.0.0.1/socket; Slack greets with "hello".
    this.server.on('upgrade', (req, sock, head) => {
      this.sockets.handleUpgrade(req, sock, head, (ws) => {
        this.socket = ws;
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        for (const wake of this.socketWaiters.splice(0)) wake(ws);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** The Slack app as configured at api.slack.com, for the OAuth install. */
  oauthApp(app: OAuthAppConfig): void {
    this.oauth.app = app;
  }

  /** The tokens the calls of a method were made with, in order. */
  tokensOf(method: string): (string | undefined)[] {
    return this.requests.filter((r) => r.method === method).map((r) => r.token);
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** The next `times` calls of `method` get HTTP 500. */
  failNext(method: string, times = 1): void {
    this.failures.set(method, times);
  }

  /** The next `times` calls of `method` are carried out but answered with HTTP 500 (the answer is lost). */
  loseAnswer(method: string, times = 1): void {
    this.losses.set(method, times);
  }

  /** The next `times` calls of `method` are carried out and then never answered (the caller dies waiting). */
  hangAfterStoring(method: string, times = 1): void {
    this.hangs.set(method, times);
  }

  /**
   * The next chat.postMessage is held `ms` before it is carried out and answered; if its caller gave
   * up meanwhile (closed the connection) it is dropped, as a request cut off before Slack processed
   * it. Resolves with what became of it.
   */
  holdPost(ms: number): Promise<'posted' | 'dropped'> {
    return new Promise((resolve) => {
      this.held = { ms, done: resolve };
    });
  }

  /** Every Web API call made with `token` is answered as Slack answers a revoked or wrong token. */
  rejectToken(token: string): void {
    this.rejected.add(token);
  }

  /** Resolves with the next message chat.postMessage stores. */
  nextPost(): Promise<SlackPost> {
    return new Promise((resolve) => this.postWaiters.push(resolve));
  }

  /** Resolves once `count` response_url calls have arrived. */
  async waitForResponses(count: number): Promise<ResponseUrlCall[]> {
    while (this.responses.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.responses;
  }

  /** Pushes a Socket Mode envelope once the app is connected, and resolves with the app's ack. */
  async pushEnvelope(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const ws = this.socket ?? (await new Promise<WebSocket>((resolve) => this.socketWaiters.push(resolve)));
    const envelopeId = `env-${++this.counter}`;
    return new Promise((resolve) => {
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        if (msg.envelope_id !== envelopeId) return;
        ws.off('message', onMessage);
        resolve(msg);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
    });
  }

  async close(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private take(map: Map<string, number>, method: string): boolean {
    const left = map.get(method) ?? 0;
    if (left > 0) map.set(method, left - 1);
    return left > 0;
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    if (path.startsWith('/respond/')) {
      this.responses.push({ path, body });
      for (const wake of this.waiters.splice(0)) wake();
      return [200, { ok: true }];
    }
    const method = path.replace(/^\/api\//, '');
    this.calls.push(method);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || body.token;
    this.requests.push({ method, token: typeof token === 'string' ? token : undefined, body });
    if (typeof token === 'string' && this.rejected.has(token))
      return [200, { ok: false, error: 'invalid_auth' }];
    if (this.take(this.failures, method)) return [500, { ok: false, error: 'internal_error' }];
    const hold = method === 'chat.postMessage' ? this.held : undefined;
    if (hold) {
      this.held = undefined;
      await new Promise((resolve) => setTimeout(resolve, hold.ms));
      const gone = req.socket.destroyed;
      hold.done(gone ? 'dropped' : 'posted');
      if (gone) return [500, { ok: false, error: 'caller_gone' }];
    }
    const result = this.method(method, body, token);
    if (this.take(this.losses, method)) return [500, { ok: false, error: 'internal_error' }];
    if (this.take(this.hangs, method)) await new Promise(() => {});
    return [200, result];
  }

  private method(method: string, body: Record<string, unknown>, token: unknown): unknown {
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'oauth.v2.access':
        return this.oauth.access(body);
      case 'auth.test':
        return (
          this.oauth.authTest(token) ?? {
            ok: true,
            user_id: 'UBOT',
            bot_id: 'BBOT',
            team_id: 'T1',
            user: 'newsdesk',
            team: 'Test',
          }
        );
      case 'chat.postMessage': {
        const ts = `1700000000.${String(++this.counter).padStart(6, '0')}`;
        const post = { ...body, ts } as unknown as SlackPost;
        this.posts.push(post);
        for (const wake of this.postWaiters.splice(0)) wake(post);
        return { ok: true, channel: post.channel, ts, message: { ts, text: post.text } };
      }
      case 'conversations.history': {
        const withMeta = body.include_all_metadata === 'true' || body.include_all_metadata === true;
        const messages = this.posts
          .filter((p) => p.channel === body.channel)
          .reverse()
          .map((p) => ({
            type: 'message',
            ts: p.ts,
            text: p.text,
            ...(withMeta && p.metadata ? { metadata: p.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
