import { createHmac } from 'node:crypto';

/** Sends a request to a Bolt HTTP receiver the way Slack does, signed with `secret` (or not). */
export async function postToSlackApp(
  url: string,
  body: string,
  options: { secret: string; timestamp?: number; signature?: string },
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ??
    `v0=${createHmac('sha256', options.secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    // Exactly this content type: Bolt answers 400 to "...; charset=..." on a slash command.
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
}

export function slashCommandBody(fields: {
  command: string;
  text: string;
  userId: string;
  responseUrl: string;
  channelId?: string;
  /** The workspace the command comes from (default T1). */
  teamId?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'test',
    channel_id: fields.channelId ?? 'C1',
    channel_name: 'news',
    user_id: fields.userId,
    user_name: 'someone',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}
