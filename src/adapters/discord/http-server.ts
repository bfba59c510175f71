import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../config.ts';
import { BodyTooLargeError } from '../../ingest/feeds/read-body.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import {
  answerInteraction,
  finish,
  type HttpDeps,
  type InteractionPayload,
  InteractionWebhook,
} from './http-interactions.ts';
import { discordPublicKey, verifyDiscordRequest } from './signature.ts';

/** Interaction payloads are a few kilobytes; anything far larger is not from Discord. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface InteractionsServer {
  /** The port it listens on (useful with DISCORD_INTERACTIONS_PORT=0). */
  port: number;
  stop(): Promise<void>;
}

export interface InteractionsServerOptions {
  config: Config;
  store: Store;
  log: Logger;
  now?: () => Date;
  /** Where to listen; all interfaces by default (behind a load balancer or reverse proxy). */
  host?: string;
}

/** The request body, refused past MAX_BODY_BYTES without reading on (the response still gets through). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body exceeds ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function isPayload(value: unknown): value is InteractionPayload {
  const p = value as Partial<InteractionPayload> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.type === 'number' &&
    typeof p.id === 'string' &&
    typeof p.token === 'string' &&
    typeof p.application_id === 'string'
  );
}

/**
 * Discord's Interactions Endpoint URL: verifies each POST's Ed25519 signature, answers in the HTTP
 * response and continues slow work over the interaction's webhook. Any number of these can run
 * behind a load balancer; none holds a gateway connection.
 */
export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const { config, log } = options;
  if (!config.DISCORD_PUBLIC_KEY) throw new Error('DISCORD_PUBLIC_KEY is not set');
  const key = discordPublicKey(config.DISCORD_PUBLIC_KEY);
  const now = options.now ?? (() => new Date());
  const deps: HttpDeps = {
    config,
    store: options.store,
    log,
    webhook: InteractionWebhook.forApi(config.DISCORD_API_URL),
    ...(options.now ? { now: options.now } : {}),
  };
  const pending = new Set<Promise<void>>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== config.DISCORD_INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      // Close the connection: the rest of an oversized body is not worth reading.
      res.setHeader('connection', 'close');
      return send(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
    }
    const signed = {
      signature: header(req, 'x-signature-ed25519'),
      timestamp: header(req, 'x-signature-timestamp'),
      body,
    };
    if (!verifyDiscordRequest(key, signed, now()))
      return send(res, 401, { error: 'invalid request signature' });
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    if (!isPayload(payload)) return send(res, 400, { error: 'not an interaction' });
    const answer = await answerInteraction(payload, deps);
    if (!answer) return send(res, 400, { error: `interaction type ${payload.type} is not handled` });
    send(res, 200, answer.body);
    const work = finish(payload, answer, deps).finally(() => pending.delete(work));
    pending.add(work);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      log.error({ err }, 'discord interactions request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.DISCORD_INTERACTIONS_PORT, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, path: config.DISCORD_INTERACTIONS_PATH }, 'discord interactions endpoint listening');
  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Deferred answers already promised to users are finished before the process goes.
      await Promise.allSettled([...pending]);
    },
  };
}
