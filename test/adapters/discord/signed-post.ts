import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** A Discord application's key pair, made for the test: the public half as the Developer Portal shows it. */
export function applicationKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKeyHex: Buffer.from(x ?? '', 'base64url').toString('hex') };
}

export interface Signing {
  key: KeyObject;
  /** Unix seconds, as Discord sends them. */
  timestamp: string;
}

/** The two headers Discord signs a request with: Ed25519 over timestamp + raw body. */
export function signatureHeaders(body: string, { key, timestamp }: Signing): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

export interface HttpResult {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs a body to the interactions endpoint with the given headers and reads the JSON answer. */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * The settings of a bot that talks to the Discord stand-in and serves interactions over HTTP on a
 * free port, signed with the application's `publicKeyHex`.
 */
export const interactionsEnv = (
  discord: { token: string; apiUrl: string },
  applicationId: string,
  publicKeyHex: string,
): Record<string, string> => ({
  DISCORD_TOKEN: discord.token,
  DISCORD_APPLICATION_ID: applicationId,
  DISCORD_API_URL: discord.apiUrl,
  DISCORD_PUBLIC_KEY: publicKeyHex,
  DISCORD_INTERACTIONS_PORT: '0',
});
