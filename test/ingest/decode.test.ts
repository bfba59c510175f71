import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/readers/decode.ts';

const line =
  'The harbour master said on Friday that the new berth would open to container ships before the winter storms.\n';
/** A text of about 20 KB: well past the first 8 KB. */
const longText = line.repeat(180);

/** Bytes with no NUL among them: control bytes and high bytes, as in a compressed or image stream. */
function binaryTail(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = 1 + (x % 255);
  }
  return out;
}

describe('decodeText', () => {
  it('judges the whole file: binary bytes after the first 8 KB make it binary', () => {
    const text = Buffer.from(longText);
    expect(decodeText(Buffer.concat([text, binaryTail(2000)]))).toEqual({
      error: 'binary file (control bytes)',
    });
    expect(decodeText(Buffer.concat([text, Buffer.from([0, 0, 0, 0])]))).toEqual({
      error: 'binary file (NUL bytes)',
    });
    // High bytes only (no control bytes), not valid UTF-8: a binary format, not a Western text.
    const high = Buffer.from(binaryTail(3000).map((b) => 128 + (b % 128)));
    expect(decodeText(Buffer.concat([text, high]))).toEqual({ error: 'binary file (invalid UTF-8)' });
    // In the middle, too.
    expect(decodeText(Buffer.concat([text, binaryTail(2000), text]))).toEqual({
      error: 'binary file (control bytes)',
    });
  });

  it('still reads a long text with a stray control byte at its end, and a long Windows-1252 text', () => {
    const dosEnd = Buffer.concat([Buffer.from(longText), Buffer.from([0x1a])]);
    expect(decodeText(dosEnd)).toEqual({ text: `${longText}\x1a` });
    const latin = Buffer.from(`${longText}The minister\x92s aide called it \x93fair\x94.\n`, 'latin1');
    expect(decodeText(latin)).toEqual({ text: `${longText}The minister’s aide called it “fair”.\n` });
  });
});
