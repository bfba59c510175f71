import { expect } from 'vitest';
import type { SlackStandIn } from './slack-api.ts';
import { postToSlackApp, slashCommandBody } from './slack-sign.ts';

export interface SlashRun {
  status: number;
  /** What the HTTP request was answered with (the ack). */
  body: string;
  /** The path of the response_url the command carried. */
  path: string;
}

/**
 * Signed slash commands from any workspace to the app at `events` (a function: the port is known
 * only once the app runs). `send` returns the HTTP answer; `ask` waits for the reply posted to the
 * command's response_url and returns it as text.
 */
export function slackSlash(api: SlackStandIn, events: () => string, secret: string) {
  async function send(teamId: string, userId: string, command: string, text = ''): Promise<SlashRun> {
    const responseUrl = api.responseUrl(`${teamId}-${command.slice(1)}-${Math.random()}`);
    const body = slashCommandBody({ command, text, userId, responseUrl, teamId });
    const res = await postToSlackApp(events(), body, { secret });
    return { status: res.status, body: await res.text(), path: new URL(responseUrl).pathname };
  }
  async function ask(teamId: string, userId: string, command: string, text = ''): Promise<string> {
    const { status, path } = await send(teamId, userId, command, text);
    expect(status).toBe(200);
    for (;;) {
      const hit = api.responses.find((r) => r.path === path);
      if (hit) return JSON.stringify(hit.body);
      await api.waitForResponses(api.responses.length + 1);
    }
  }
  return { send, ask };
}

type Ask = ReturnType<typeof slackSlash>['ask'];

/**
 * Issue 11's feed isolation between two workspaces: A's admin adds a feed (its URL carries the
 * private token `tenant-a-secret`); B's admin does not see it in `/feeds list` or `/settings` and
 * cannot remove it by URL or by id; A still has it.
 */
export async function expectFeedIsolation(
  ask: Ask,
  a: { team: string; admin: string },
  b: { team: string; admin: string },
  feedUrl: string,
): Promise<void> {
  expect(await ask(a.team, a.admin, '/feeds', `add ${feedUrl}`)).toContain('Now following Harbour Wire');
  const aList = await ask(a.team, a.admin, '/feeds', 'list');
  expect(aList).toContain('tenant-a-secret');
  const id = /#(\d+) Harbour Wire/.exec(aList)?.[1];
  expect(id).toBeDefined();

  const bList = await ask(b.team, b.admin, '/feeds', 'list');
  expect(bList).not.toContain('tenant-a-secret');
  expect(bList).not.toContain('Harbour Wire');
  for (const feed of [feedUrl, `#${id}`])
    expect(await ask(b.team, b.admin, '/feeds', `remove ${feed}`)).toContain(
      'No feed of this server matches',
    );
  expect(await ask(a.team, a.admin, '/feeds', 'list')).toContain('tenant-a-secret');

  // /settings: each workspace's whole configuration, and only its own.
  const aSettings = await ask(a.team, a.admin, '/settings');
  expect(aSettings).toContain(`slack:${a.team}`);
  expect(aSettings).toContain('tenant-a-secret');
  const bSettings = await ask(b.team, b.admin, '/settings');
  expect(bSettings).toContain(`slack:${b.team}`);
  expect(bSettings).not.toContain('tenant-a-secret');
}

/** An actor named only in A's feed is answered by /whois in A and unknown in B. */
export async function expectActorIsolation(ask: Ask, a: string, b: string): Promise<void> {
  expect(await ask(a, 'UMEMBER', '/whois', 'Halvard Ostrum')).toContain('Lisbon');
  const inB = await ask(b, 'UMEMBER', '/whois', 'Halvard Ostrum');
  expect(inB).toContain('No actor matches');
  expect(inB).not.toContain('Lisbon');
}
