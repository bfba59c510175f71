import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The charset used, lower case (e.g. utf-8, windows-1251). */
  encoding: string;
}

const BOMS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];
// Without a BOM, the first character '<' (0x3C) shows the width and byte order (XML 1.0 appendix F).
const SIGNATURES: [number[], string][] = [
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x3c, 0x00, 0x3f], 'utf-16be'],
  [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le'],
];

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function usable(charset: string | undefined | null): string | undefined {
  const name = charset
    ?.trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!name) return undefined;
  // Latin-1 labels mean windows-1252 in practice (the WHATWG encoding standard does the same).
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : undefined;
}

export const contentTypeCharset = (contentType: string | null | undefined): string | undefined =>
  /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];

/** The encoding the document names itself: the XML declaration, or an HTML page's meta charset. */
export function declaredEncoding(head: string): string | undefined {
  const decl = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (decl) return decl[1];
  return /<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
}

/** How a document's bytes are to be read: the charset, and how many bytes of byte-order mark to skip. */
export interface Encoding {
  encoding: string;
  skip: number;
}

/**
 * Precedence: byte-order mark, then the HTTP charset, then the XML declaration, then UTF-8 (falling
 * back to windows-1252 when the bytes are not valid UTF-8, the usual case of an undeclared Latin-1
 * feed read from disk).
 */
export function detectEncoding(buf: Buffer, contentType?: string | null): Encoding {
  for (const [bytes, encoding] of BOMS) {
    if (startsWith(buf, bytes)) return { encoding, skip: bytes.length };
  }
  for (const [bytes, encoding] of SIGNATURES) {
    if (startsWith(buf, bytes)) return { encoding, skip: 0 };
  }
  const http = usable(contentTypeCharset(contentType));
  if (http) return { encoding: http, skip: 0 };
  const declared = declaredEncoding(buf.subarray(0, 2048).toString('latin1'));
  const fromDecl = usable(declared);
  // A UTF-16/32 declaration on 8-bit bytes (no BOM, no zero bytes) is a lie; read the bytes as they are.
  if (fromDecl && !/^utf-?(16|32)/.test(fromDecl)) return { encoding: fromDecl, skip: 0 };
  return { encoding: isUtf8(buf) ? 'utf-8' : 'windows-1252', skip: 0 };
}

/** Bytes to text in an encoding already chosen (by detectEncoding on the whole document). */
export function decodeAs(buf: Buffer, { encoding, skip }: Encoding): Decoded {
  // Node's own UTF-8 decoder is the fastest, and replaces bad sequences as iconv's does.
  if (encoding === 'utf-8') return { text: buf.toString('utf8', skip), encoding };
  return { text: iconv.decode(buf.subarray(skip), encoding, { stripBOM: true }), encoding };
}

/** Bytes of a feed (or a web page) to text, in the encoding detectEncoding chooses. */
export const decodeFeed = (buf: Buffer, contentType?: string | null): Decoded =>
  decodeAs(buf, detectEncoding(buf, contentType));
