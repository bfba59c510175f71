import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { type Config, llmConfigured } from '../../config.ts';
import { log } from '../../log.ts';
import { parseAnswer } from './parse.ts';
import { type AttemptFailure, backoffMs, classifyError, MAX_ATTEMPTS, sleep } from './retry.ts';

export type LlmOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface LlmRequest<T> {
  name: string;
  schema: z.ZodType<T>;
  messages: ChatCompletionMessageParam[];
  maxOutputTokens?: number;
}

/** Placeholder key for local servers (Ollama, llama.cpp) that need a base URL but no key. */
const LOCAL_KEY = 'not-needed';

/**
 * The only door to the model. The openai client's own retries are off (maxRetries 0): this class
 * retries with its own caps, a per-attempt timeout and an overall deadline, so a slow or rate-limited
 * server can never hold a digest for long. Every failure ends in a reason, never a throw.
 */
export class LlmClient {
  private readonly client: OpenAI;
  /** Servers that reject json_schema get JSON mode from then on. */
  private schemaSupported = true;

  constructor(
    private readonly config: Config,
    private readonly deadlineMs = config.LLM_TIMEOUT_MS * 2.5,
  ) {
    this.client = new OpenAI({
      apiKey: config.OPENAI_API_KEY ?? LOCAL_KEY,
      baseURL: config.OPENAI_BASE_URL,
      maxRetries: 0,
      timeout: config.LLM_TIMEOUT_MS,
    });
  }

  get model(): string {
    return this.config.LLM_MODEL;
  }

  async complete<T>(request: LlmRequest<T>): Promise<LlmOutcome<T>> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const endsAt = Date.now() + this.deadlineMs;
    let messages = request.messages;
    let repaired = false;
    let last: AttemptFailure = { reason: 'no attempt made', retryable: false };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (deadline.aborted) return { ok: false, reason: `${last.reason}; the LLM deadline passed` };
      const reply = await this.send(request, messages, deadline);
      if ('failure' in reply) {
        last = reply.failure;
        if (reply.failure.reason.startsWith('json_schema unsupported')) {
          attempt--;
          continue;
        }
      } else {
        const parsed = parseAnswer(reply.completion, request.schema);
        if (parsed.ok) return parsed;
        if (parsed.kind === 'invalid' && !repaired && parsed.content !== undefined) {
          repaired = true;
          messages = [
            ...request.messages,
            { role: 'assistant', content: parsed.content },
            {
              role: 'user',
              content: `That reply was not valid (${parsed.reason}). Answer again with only the JSON object the instructions describe.`,
            },
          ];
          attempt--;
          continue;
        }
        last = { reason: parsed.reason, retryable: parsed.kind === 'transient' };
      }
      if (!last.retryable || attempt === MAX_ATTEMPTS - 1) break;
      const wait = backoffMs(attempt, last);
      if (Date.now() + wait >= endsAt) {
        return {
          ok: false,
          reason: `${last.reason}; waiting ${Math.round(wait / 1000)} s would pass the LLM deadline`,
        };
      }
      log.debug({ attempt, wait, reason: last.reason }, 'retrying the LLM');
      await sleep(wait, deadline);
    }
    return { ok: false, reason: deadline.aborted ? `${last.reason}; the LLM deadline passed` : last.reason };
  }

  private async send<T>(
    request: LlmRequest<T>,
    messages: ChatCompletionMessageParam[],
    deadline: AbortSignal,
  ): Promise<{ completion: ChatCompletion | string } | { failure: AttemptFailure }> {
    const responseFormat = this.schemaSupported
      ? ({ type: 'json_schema', json_schema: jsonSchemaOf(request.name, request.schema) } as const)
      : ({ type: 'json_object' } as const);
    try {
      const completion = (await this.client.chat.completions.create(
        {
          model: this.config.LLM_MODEL,
          messages,
          response_format: responseFormat,
          temperature: 0.2,
          max_tokens: request.maxOutputTokens ?? 1200,
        },
        { signal: deadline, timeout: this.config.LLM_TIMEOUT_MS },
      )) as ChatCompletion | string;
      return { completion };
    } catch (err) {
      if (this.schemaSupported && isSchemaRejection(err)) {
        this.schemaSupported = false;
        return { failure: { reason: 'json_schema unsupported: using JSON mode', retryable: true } };
      }
      return { failure: classifyError(err) };
    }
  }
}

function jsonSchemaOf(
  name: string,
  schema: z.ZodType,
): { name: string; strict: true; schema: Record<string, unknown> } {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return { name, strict: true, schema: json };
}

function isSchemaRejection(err: unknown): boolean {
  return (
    err instanceof OpenAI.APIError &&
    err.status === 400 &&
    /response_format|json_schema/i.test(`${err.message} ${JSON.stringify(err.error ?? '')}`)
  );
}

/** A client when the config names an LLM, else null (extractive mode). */
export function llmFromConfig(config: Config): LlmClient | null {
  return llmConfigured(config) ? new LlmClient(config) : null;
}
