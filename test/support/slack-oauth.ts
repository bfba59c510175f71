import { randomBytes } from 'node:crypto';

/** The Slack app as configured at api.slack.com: its client credentials and its one redirect URL. */
export interface OAuthAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/** A workspace that installed the app on the stand-in, with the bot token it was granted. */
export interface Workspace {
  teamId: string;
  botToken: string;
  botUserId: string;
  botId: string;
  installer: string;
}

interface Grant {
  teamId?: string;
  enterpriseId?: string;
  installer: string;
  scope: string;
}

/**
 * Slack's side of the OAuth v2 install (the part of the stand-in behind /oauth/v2/authorize and
 * oauth.v2.access): a browser approving the install gets a one-time code for one workspace (or, with
 * `enterprise`, an org-wide grant); exchanging it with the client credentials grants a bot token of
 * that workspace, which auth.test then describes.
 */
export class SlackOAuthSide {
  app: OAuthAppConfig | undefined;
  readonly workspaces = new Map<string, Workspace>();
  private grants = new Map<string, Grant>();
  private tokens = new Map<string, Workspace>();

  /**
   * The user approves the install in their browser: a redirect to the app's redirect URL with a
   * code and the state it was given, or an error page when the request is not for this app.
   */
  authorize(url: URL): [number, Record<string, string>, string] {
    const q = url.searchParams;
    if (!this.app || q.get('client_id') !== this.app.clientId) return [400, {}, 'invalid_client_id'];
    const code = `code-${randomBytes(6).toString('hex')}`;
    const enterpriseId = q.get('enterprise') ?? undefined;
    this.grants.set(code, {
      ...(enterpriseId ? { enterpriseId } : { teamId: q.get('team') ?? 'T1' }),
      installer: q.get('user') ?? 'UINSTALLER',
      scope: q.get('scope') ?? '',
    });
    const back = new URL(q.get('redirect_uri') ?? this.app.redirectUrl);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    return [302, { location: back.toString() }, ''];
  }

  /** oauth.v2.access: the code exchanged (once) for the workspace's bot token. */
  access(body: Record<string, unknown>): unknown {
    if (body.client_id !== this.app?.clientId || body.client_secret !== this.app?.clientSecret)
      return { ok: false, error: 'invalid_client' };
    const grant = this.grants.get(String(body.code));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(String(body.code));
    const key = grant.teamId ?? grant.enterpriseId!;
    const workspace: Workspace = {
      teamId: key,
      botToken: `xoxb-${key}-${randomBytes(8).toString('hex')}`,
      botUserId: `UBOT${key}`,
      botId: `BBOT${key}`,
      installer: grant.installer,
    };
    this.workspaces.set(key, workspace);
    this.tokens.set(workspace.botToken, workspace);
    return {
      ok: true,
      app_id: 'A1',
      authed_user: { id: grant.installer },
      scope: grant.scope,
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: grant.teamId ? { id: grant.teamId, name: `Team ${grant.teamId}` } : null,
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: 'Org' } : null,
      is_enterprise_install: Boolean(grant.enterpriseId),
    };
  }

  /** auth.test for a token granted by an install, else undefined. */
  authTest(token: unknown): unknown {
    const workspace = typeof token === 'string' ? this.tokens.get(token) : undefined;
    return (
      workspace && {
        ok: true,
        url: `https://${workspace.teamId.toLowerCase()}.slack.example/`,
        team: `Team ${workspace.teamId}`,
        team_id: workspace.teamId,
        user: 'newsdesk',
        user_id: workspace.botUserId,
        bot_id: workspace.botId,
      }
    );
  }
}
