import { createHmac } from 'node:crypto';

/** Sends a request to a Bolt HTTP receiver the way Slack does, signed with `secret` (or not). */
export async function postToSlackApp(
  url: string,
  body: string,
  options: { secret: string; timestamp?: number; signature?: string; json?: boolean },
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ??
    `v0=${createHmac('sha256', options.secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    // Exactly this content type: Bolt answers 400 to "...; charset=..." on a slash command.
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
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

/** An Events API delivery (`event_callback`) from a workspace, as JSON; post it with `json: true`. */
export function eventBody(teamId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    event: { event_ts: '1700000000.000100', ...event },
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: 1700000000,
    authorizations: [
      { team_id: teamId, user_id: `UBOT${teamId}`, is_bot: true, is_enterprise_install: false },
    ],
  });
}
