import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { CodedError, ErrorCode } from '../../core/errors.ts';

/** The body (after decompression) grew past the configured cap. */
export class BodyTooLargeError extends CodedError {
  override name = 'BodyTooLargeError';
  readonly code = ErrorCode.BodyTooLarge;
}

function decoderFor(encoding: string, firstByte: number | undefined) {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      // Servers send "deflate" both zlib-wrapped (RFC 1950, first byte 0x78) and raw.
      return ((firstByte ?? 0) & 0x0f) === 8 ? createInflate() : createInflateRaw();
    default:
      return undefined;
  }
}

async function* decompressed(body: Readable, encoding: string): AsyncGenerator<Buffer> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return;
  async function* rest(): AsyncGenerator<Buffer> {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const decoder = decoderFor(encoding, first.value[0]);
  if (!decoder) return yield* rest();
  const source = Readable.from(rest());
  pipeline(source, decoder, () => {});
  try {
    for await (const chunk of decoder) yield chunk as Buffer;
  } finally {
    decoder.destroy();
    source.destroy();
  }
}

/**
 * Reads a response body, undoing gzip/deflate/br, and stops as soon as the decompressed size passes
 * `maxBytes`, so neither a huge body nor a compression bomb is ever held in memory.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decompressed(body, contentEncoding.trim().toLowerCase())) {
      size += chunk.length;
      if (size > maxBytes) throw new BodyTooLargeError(`response body exceeds ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } finally {
    body.on('error', () => {});
    body.destroy();
  }
  return Buffer.concat(chunks, size);
}
