import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** Discord sends no expiry; a request signed longer ago than this is treated as a replay. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

const ED25519_SIGNATURE_HEX = /^[0-9a-f]{128}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/** The application's public key (64 hex characters, as the Developer Portal shows it) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Whether Discord signed this request: an Ed25519 signature over the timestamp followed by the raw
 * body, with a timestamp within MAX_SIGNATURE_AGE_SECONDS of `now` either way. Never throws.
 */
export function verifyDiscordRequest(key: KeyObject, request: SignedRequest, now: Date): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !ED25519_SIGNATURE_HEX.test(signature) || !UNIX_SECONDS.test(timestamp))
    return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, message, key, Buffer.from(signature, 'hex'));
}
