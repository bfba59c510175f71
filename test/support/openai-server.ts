import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** What to do with the next request: answer with a status, headers and body, or never answer. */
export type Scripted =
  | { status?: number; headers?: Record<string, string>; json: unknown }
  | { status?: number; headers?: Record<string, string>; text: string; contentType?: string }
  | { hang: true };

export type Handler = (req: SeenRequest) => Scripted;

/** A chat completion whose message content is `content` (a string, or an object sent as JSON). */
export function completion(
  content: unknown,
  options: { finishReason?: string; refusal?: string; model?: string } = {},
): Scripted {
  return {
    json: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: options.model ?? 'test-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: typeof content === 'string' ? content : JSON.stringify(content),
            refusal: options.refusal ?? null,
          },
          finish_reason: options.finishReason ?? 'stop',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: each test scripts the answers, in order, and
 * reads back what the real openai client sent. Unscripted requests get a 500 that names the problem.
 */
export class OpenAiStandIn {
  readonly requests: SeenRequest[] = [];
  private readonly queue: Handler[] = [];
  private fallback: Handler | undefined;
  private server: Server | undefined;
  baseURL = '';

  /** Queues answers for the next requests, in order. */
  script(...answers: (Scripted | Handler)[]): this {
    for (const a of answers) this.queue.push(typeof a === 'function' ? a : () => a);
    return this;
  }

  /** The answer for every request once the queue is empty. */
  otherwise(answer: Scripted | Handler): this {
    this.fallback = typeof answer === 'function' ? answer : () => answer;
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseURL = `http://127.0.0.1:${port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    };
    this.requests.push(seen);
    const handler = this.queue.shift() ?? this.fallback;
    const answer: Scripted = handler
      ? handler(seen)
      : { status: 500, json: { error: { message: 'the test did not script this request', type: 'test' } } };
    if ('hang' in answer) return;
    const headers = { ...(answer.headers ?? {}) };
    if ('json' in answer) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(answer.json));
    } else {
      res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'text/html', ...headers });
      res.end(answer.text);
    }
  }
}
