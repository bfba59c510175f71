import type { SlackStandIn } from './slack-api.ts';

const STATE_COOKIE = 'slack-app-oauth-state';

export interface InstallRun {
  /** The authorize URL the install page links to ("Add to Slack"). */
  authorizeUrl: URL;
  /** The state the install page set in its cookie. */
  cookieState: string | undefined;
  /** The app's answer to Slack's redirect back (the end of the install). */
  status: number;
  page: string;
}

/**
 * A browser installing the app into a workspace, as Slack's OAuth v2 flow goes: open the app's
 * install page (which sets the state cookie), follow its "Add to Slack" link to Slack's authorize
 * page (the stand-in), approve there for `teamId` as `user` (or org-wide for `enterprise`), and
 * follow the redirect back to the app with the code, the state and the cookie.
 */
export async function installWorkspace(
  appUrl: string,
  api: SlackStandIn,
  who: { teamId?: string; user?: string; enterprise?: string; cookie?: boolean },
): Promise<InstallRun> {
  const landing = await fetch(`${appUrl}/slack/install`);
  const html = await landing.text();
  const href = /<a href="([^"]+)"/.exec(html)?.[1];
  if (landing.status !== 200 || !href) throw new Error(`no install page: ${landing.status} ${html}`);
  const cookieState = new RegExp(`${STATE_COOKIE}=([^;]+)`).exec(
    landing.headers.get('set-cookie') ?? '',
  )?.[1];
  const authorizeUrl = new URL(href);
  const approve = new URL(authorizeUrl);
  if (who.teamId) approve.searchParams.set('team', who.teamId);
  if (who.user) approve.searchParams.set('user', who.user);
  if (who.enterprise) approve.searchParams.set('enterprise', who.enterprise);
  if (approve.origin !== api.url)
    throw new Error(`the install page links to ${approve.origin}, not the stand-in`);
  const approved = await fetch(approve, { redirect: 'manual' });
  const back = approved.headers.get('location');
  if (approved.status !== 302 || !back) throw new Error(`Slack did not redirect back: ${approved.status}`);
  const done = await fetch(back, {
    redirect: 'manual',
    headers: who.cookie === false || !cookieState ? {} : { cookie: `${STATE_COOKIE}=${cookieState}` },
  });
  return { authorizeUrl, cookieState, status: done.status, page: await done.text() };
}
