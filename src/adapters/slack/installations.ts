import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { slackTenant } from '../../core/tenant.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/index.ts';
import { SlackNotInstalledError, SlackOrgInstallError } from './errors.ts';

const ORG_INSTALL =
  'org-wide (Enterprise Grid) installs are not supported: install newsdesk into each workspace, which is its own tenant';

/** The workspace an install or a request is for; an org-wide one has none and is refused. */
function teamOf(what: { teamId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (what.isEnterpriseInstall || !what.teamId) throw new SlackOrgInstallError(ORG_INSTALL);
  return what.teamId;
}

/**
 * The workspaces that installed newsdesk (Slack's OAuth install), kept in the newsdesk store as
 * tenant `slack:<team id>`. Bolt's `authorize` reads them through `installationStore`; deliveries
 * read a workspace's bot token through `botToken`. Tokens go into the store and nowhere else: the
 * log lines name the workspace only.
 */
export class SlackInstallations {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  readonly installationStore: InstallationStore = {
    storeInstallation: async (installation) => {
      const teamId = teamOf({
        teamId: installation.team?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      this.store.installations.save(slackTenant(teamId).id, installation, installation.user?.id ?? null);
      this.log.info(
        { teamId, enterpriseId: installation.enterprise?.id, installedBy: installation.user?.id },
        'slack: workspace installed',
      );
    },
    fetchInstallation: async (query: InstallationQuery<boolean>) => this.installation(teamOf(query)),
    deleteInstallation: async (query: InstallationQuery<boolean>) => {
      this.forget(teamOf(query), 'deleted');
    },
  };

  /** The workspace's installation; SlackNotInstalledError when it has none. */
  installation(teamId: string): Installation {
    const row = this.store.installations.get(slackTenant(teamId).id);
    if (!row) throw new SlackNotInstalledError(`Slack workspace ${teamId} has not installed newsdesk`);
    return row.installation as Installation;
  }

  /** The workspace's bot token, read at each use: an uninstall stops it at once. */
  botToken(teamId: string): string {
    const token = this.installation(teamId).bot?.token;
    if (!token)
      throw new SlackNotInstalledError(`Slack workspace ${teamId} installed newsdesk without a bot`);
    return token;
  }

  /** Who installed newsdesk in the workspace (its first admin in newsdesk), if it is installed. */
  installedBy(teamId: string): string | null {
    return this.store.installations.get(slackTenant(teamId).id)?.installedBy ?? null;
  }

  /**
   * Deletes the workspace's installation (uninstalled, or its bot token revoked). Its tenant's feeds,
   * schedules and settings stay, so that a reinstall picks up where it left off.
   */
  forget(teamId: string, why: string): void {
    const removed = this.store.installations.remove(slackTenant(teamId).id);
    this.log.info({ teamId, removed }, `slack: workspace installation ${why}`);
  }
}
