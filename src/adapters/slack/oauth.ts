import type { App, AppOptions } from '@slack/bolt';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { SlackInstallations } from './installations.ts';
import { SLACK_BOT_SCOPES } from './manifest.ts';
import { SLACK_PATHS } from './paths.ts';

type InstallerOptions = NonNullable<AppOptions['installerOptions']>;
type AfterInstallation = NonNullable<NonNullable<InstallerOptions['callbackOptions']>['afterInstallation']>;

const ORG_INSTALL_PAGE = `<html><body style="font-family: sans-serif; text-align: center">
<h2>newsdesk is installed per workspace</h2>
<p>Org-wide (Enterprise Grid) installs are not supported: nothing was installed. Install newsdesk into
each workspace instead; each one has its own feeds, digests and settings.</p></body></html>`;

/** An org-wide install is refused with a page saying so, before anything is stored. */
const refuseOrgInstall =
  (log: Logger): AfterInstallation =>
  async (installation, _options, _req, res) => {
    if (!installation.isEnterpriseInstall) return true;
    log.warn(
      { enterpriseId: installation.enterprise?.id },
      'slack: refused an org-wide (Enterprise Grid) install',
    );
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ORG_INSTALL_PAGE);
    return false;
  };

/**
 * Bolt's OAuth install flow (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): the
 * install page at /slack/install, Slack's redirect at /slack/oauth_redirect, the installations in
 * the newsdesk store, and Bolt's `authorize` resolving each request's workspace to its installation.
 * The browser's authorize step goes to the same host as the Web API (SLACK_API_URL), as on slack.com.
 */
export function oauthOptions(
  config: Config,
  installations: SlackInstallations,
  log: Logger,
  clientOptions: InstallerOptions['clientOptions'],
): Partial<AppOptions> {
  const apiBase = clientOptions?.slackApiUrl;
  return {
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    scopes: SLACK_BOT_SCOPES,
    installationStore: installations.installationStore,
    installerOptions: {
      installPath: SLACK_PATHS.install,
      redirectUriPath: SLACK_PATHS.oauthRedirect,
      clientOptions,
      ...(apiBase ? { authorizationUrl: new URL('../oauth/v2/authorize', apiBase).toString() } : {}),
      callbackOptions: { afterInstallation: refuseOrgInstall(log) },
    },
  };
}

/** Uninstalling the app, or revoking its bot token, deletes the workspace's installation. */
export function forgetOnUninstall(app: App, installations: SlackInstallations): void {
  app.event('app_uninstalled', async ({ body }) => {
    installations.forget(body.team_id, 'deleted: the app was uninstalled');
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if (event.tokens.bot?.length) installations.forget(body.team_id, 'deleted: its bot token was revoked');
  });
}
