import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file to text, or says why it is not text: NUL bytes or a high share of control bytes
 * mean binary; invalid UTF-8 that is otherwise text is read as Windows-1252 (old exports do that).
 */
export function decodeText(buf: Buffer): { text: string } | { error: string } {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { error: 'binary file (NUL bytes)' };
  // Indexed loops: iterating a Buffer with for-of costs more than the rest of reading the file.
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  if (control > head.length * 0.02) return { error: 'binary file (control bytes)' };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    const text = iconv.decode(buf, 'windows-1252');
    // Mostly high bytes is a binary format, not a Western text.
    let high = 0;
    for (let i = 0; i < head.length; i++) if (head[i]! >= 128) high++;
    if (high > head.length * 0.3) return { error: 'binary file (invalid UTF-8)' };
    return { text };
  }
}
