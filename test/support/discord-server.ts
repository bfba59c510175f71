import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One REST call as the stand-in received it. */
export interface RestCall {
  method: string;
  /** Path below /api/v10, query string removed, e.g. /interactions/1/tok/callback. */
  path: string;
  query: string;
  auth: string | undefined;
  body: unknown;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  nonce?: string;
  embeds: unknown[];
  components: unknown[];
  author: { id: string; username: string; discriminator: string; bot: boolean; avatar: null };
}

export const IDS = {
  application: '100000000000000001',
  bot: '100000000000000002',
  guild: '100000000000000003',
  channel: '100000000000000004',
  admin: '100000000000000005',
  member: '100000000000000006',
  /** A second server on the same stand-in, with its own channel: another tenant. */
  guildB: '100000000000000007',
  channelB: '100000000000000008',
};

/** Manage Server (and view/send): what an admin carries; plain members only view and send. */
export const PERMISSIONS = { admin: String(0x20n | 0x400n | 0x800n), member: String(0x400n | 0x800n) };

/** The message fields discord.js reads that the stand-in never varies. */
export const MESSAGE_DEFAULTS = {
  type: 0,
  content: '',
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  attachments: [],
  pinned: false,
  flags: 0,
};

/** A server on the stand-in with its one text channel: each is a tenant of newsdesk's. */
export interface StandInServer {
  guild: string;
  channel: string;
}

const TWO_SERVERS: StandInServer[] = [
  { guild: IDS.guild, channel: IDS.channel },
  { guild: IDS.guildB, channel: IDS.channelB },
];

/**
 * A small Discord: the REST routes discord.js calls and a gateway that speaks HELLO, IDENTIFY/READY,
 * GUILD_CREATE, heartbeats, RESUME and INTERACTION_CREATE, all on one loopback HTTP server. Tests
 * get two servers (IDS.guild, IDS.guildB); bench:scale passes hundreds.
 */
export class DiscordStandIn {
  readonly calls: RestCall[] = [];
  readonly messages: StoredMessage[] = [];
  /** Posts that named a nonce already posted in their channel (enforce_nonce): answered, not created. */
  nonceRepeats = 0;
  /** Called for each message created in a channel (bench:scale counts deliveries here). */
  onCreated: ((message: StoredMessage) => void) | undefined;
  private readonly guildOfChannel: Map<string, string>;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { test: (c: RestCall) => boolean; resolve: (c: RestCall) => void }[] = [];
  private sequence = 0;
  private nextId = 200000000000000000n;
  private hanging = 0;

  constructor(
    readonly token = 'test-token',
    readonly servers: StandInServer[] = TWO_SERVERS,
  ) {
    this.guildOfChannel = new Map(servers.map((s) => [s.channel, s.guild]));
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL is set to: discord.js appends /v10. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get connections(): number {
    return this.sockets.size;
  }

  id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /** Resolves with the first call (already made or still to come) that passes `test`. */
  waitFor(test: (c: RestCall) => boolean, timeoutMs = 20_000): Promise<RestCall> {
    const done = this.calls.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stand-in: expected REST call never came')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /**
   * The next `count` messages posted are stored but never answered, as when a process is killed
   * after Discord kept its post and before it heard back.
   */
  hangAfterStoring(count = 1): void {
    this.hanging = count;
  }

  /** The titles of the first embed of each message created in a channel (item posts), in order. */
  titlesIn(channelId: string): (string | undefined)[] {
    return this.messages
      .filter((m) => m.channel_id === channelId)
      .map((m) => (m.embeds[0] as { title?: string } | undefined)?.title);
  }

  /** Messages posted to a channel: the POST calls received, whether or not each created a message. */
  postsTo(channelId: string): number {
    return this.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`)
      .length;
  }

  /** Pushes a gateway dispatch (INTERACTION_CREATE and friends) to every connected client. */
  dispatch(type: string, data: unknown): void {
    for (const ws of this.sockets) this.send(ws, { op: 0, t: type, s: ++this.sequence, d: data });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(ws: WebSocket, payload: unknown): void {
    ws.send(JSON.stringify(payload));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: 30_000 } });
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (op === 1) this.send(ws, { op: 11 });
      else if (op === 2) this.identify(ws, d);
      else if (op === 6) this.send(ws, { op: 0, t: 'RESUMED', s: ++this.sequence, d: {} });
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.send(ws, {
      op: 0,
      t: 'READY',
      s: ++this.sequence,
      d: {
        v: 10,
        user: this.botUser(),
        guilds: this.servers.map((s) => ({ id: s.guild, unavailable: true })),
        session_id: randomUUID(),
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        application: { id: IDS.application, flags: 0 },
        private_channels: [],
      },
    });
    for (const s of this.servers)
      this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++this.sequence, d: this.guild(s.guild, s.channel) });
  }

  botUser() {
    return {
      id: IDS.bot,
      username: 'newsdesk',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    };
  }

  channel(id = IDS.channel, guildId = IDS.guild) {
    return {
      id,
      type: 0,
      guild_id: guildId,
      name: 'news',
      position: 0,
      permission_overwrites: [],
    };
  }

  private guild(id = IDS.guild, channelId = IDS.channel) {
    return {
      id,
      name: 'Test desk',
      unavailable: false,
      owner_id: IDS.admin,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      features: [],
      emojis: [],
      stickers: [],
      roles: [{ id, name: '@everyone', permissions: PERMISSIONS.member, position: 0, color: 0 }],
      channels: [this.channel(channelId, id)],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  private message(body: Record<string, unknown>, channelId = IDS.channel): StoredMessage {
    return {
      id: this.id(),
      channel_id: channelId,
      author: this.botUser(),
      embeds: (body.embeds as unknown[]) ?? [],
      components: (body.components as unknown[]) ?? [],
      ...(typeof body.nonce === 'string' ? { nonce: body.nonce } : {}),
    };
  }

  private wire(m: StoredMessage) {
    return { ...MESSAGE_DEFAULTS, timestamp: new Date().toISOString(), ...m };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: RestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.search,
      auth: req.headers.authorization,
      body: raw && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw || undefined,
    };
    this.calls.push(call);
    const reply = (status: number, body?: unknown): true => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      return true;
    };
    try {
      this.route(call, reply);
    } finally {
      for (const w of this.waiters.filter((w) => w.test(call))) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  /** Answers one call; each branch returns what `reply` returns, so the first match wins. */
  private route(call: RestCall, reply: (status: number, body?: unknown) => true): true {
    const { method, path } = call;
    const body = (call.body ?? {}) as Record<string, unknown>;
    const botAuth = call.auth === `Bot ${this.token}`;
    if (path.startsWith('/interactions/')) return reply(204);
    if (/^\/webhooks\/\d+\/[^/]+/.test(path)) {
      if (method === 'DELETE') return reply(204);
      return reply(200, this.wire(this.message(body)));
    }
    if (!botAuth) return reply(401, { message: '401: Unauthorized', code: 0 });
    if (method === 'GET' && path === '/users/@me') return reply(200, this.botUser());
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(call.body) ? call.body : [];
      return reply(
        200,
        commands.map((c) => ({
          ...(c as object),
          id: this.id(),
          application_id: IDS.application,
          version: '1',
        })),
      );
    }
    // Each server's one text channel (IDS.channel in IDS.guild, IDS.channelB in IDS.guildB for tests).
    const [, channelId, messages] = /^\/channels\/(\d+)(\/messages)?$/.exec(path) ?? [];
    const guildId = channelId === undefined ? undefined : this.guildOfChannel.get(channelId);
    if (channelId && guildId && !messages && method === 'GET')
      return reply(200, this.channel(channelId, guildId));
    if (channelId && guildId && messages) {
      const inChannel = this.messages.filter((m) => m.channel_id === channelId);
      if (method === 'GET')
        return reply(
          200,
          inChannel.reverse().map((m) => this.wire(m)),
        );
      // enforce_nonce: the same nonce again returns the message already created.
      const same = body.enforce_nonce ? inChannel.find((m) => m.nonce && m.nonce === body.nonce) : undefined;
      if (same) {
        this.nonceRepeats++;
        return reply(200, this.wire(same));
      }
      const created = this.message(body, channelId);
      this.messages.push(created);
      this.onCreated?.(created);
      if (this.hanging > 0) {
        this.hanging--;
        return true;
      }
      return reply(200, this.wire(created));
    }
    return reply(404, { message: `Unknown route ${method} ${path}`, code: 0 });
  }
}
