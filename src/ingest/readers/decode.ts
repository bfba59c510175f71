import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes judged together: a share of odd bytes is measured over a window this long. */
const WINDOW = 8192;

/**
 * The file in windows of WINDOW bytes, every byte in at least one: binary data anywhere in a file
 * (a text with an image pasted after its first page) fills some window. The last window ends at
 * the end of the file and reaches back a full window, so that a short tail (one DOS end-of-file byte)
 * is not judged on its own.
 */
function* windows(buf: Buffer): Generator<Buffer> {
  if (buf.length <= WINDOW) {
    yield buf;
    return;
  }
  for (let start = 0; start + WINDOW < buf.length; start += WINDOW) yield buf.subarray(start, start + WINDOW);
  yield buf.subarray(buf.length - WINDOW);
}

/** Control bytes other than tab, line feed, form feed and carriage return. */
function controlBytes(window: Buffer): number {
  // Indexed loops: iterating a Buffer with for-of costs more than the rest of reading the file.
  let control = 0;
  for (let i = 0; i < window.length; i++) {
    const byte = window[i]!;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return control;
}

function highBytes(window: Buffer): number {
  let high = 0;
  for (let i = 0; i < window.length; i++) if (window[i]! >= 128) high++;
  return high;
}

/**
 * Decodes a file to text, or says why it is not text: NUL bytes, or a high share of control bytes in
 * any part of the file, mean binary; invalid UTF-8 that is otherwise text is read as Windows-1252
 * (old exports do that), unless some part is mostly high bytes (a binary format, not a Western text).
 */
export function decodeText(buf: Buffer): { text: string } | { error: string } {
  if (buf.includes(0)) return { error: 'binary file (NUL bytes)' };
  for (const w of windows(buf)) {
    if (controlBytes(w) > w.length * 0.02) return { error: 'binary file (control bytes)' };
  }
  try {
    return { text: utf8.decode(buf) };
  } catch {
    for (const w of windows(buf)) {
      if (highBytes(w) > w.length * 0.3) return { error: 'binary file (invalid UTF-8)' };
    }
    return { text: iconv.decode(buf, 'windows-1252') };
  }
}
