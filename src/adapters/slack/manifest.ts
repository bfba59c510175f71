import type { CommandDefinition } from '../../core/command.ts';
import { SLACK_PATHS } from './paths.ts';
import { optionsUsage } from './usage.ts';

export interface ManifestOptions {
  /** Socket Mode needs no public URL; HTTP mode needs the address Slack posts to. */
  socketMode: boolean;
  /** Public base URL of the HTTP receiver, e.g. https://bot.example.org (HTTP mode). */
  publicUrl?: string;
  name?: string;
  /**
   * OAuth mode (HTTP only): where Slack sends the installer back, e.g.
   * https://bot.example.org/slack/oauth_redirect. Also subscribes to the uninstall events.
   */
  redirectUrl?: string;
}

/** What deletes a workspace's installation (OAuth mode); neither needs a scope. */
export const SLACK_UNINSTALL_EVENTS = ['app_uninstalled', 'tokens_revoked'];

/** Bot scopes: slash commands, posting (also to public channels it has not joined), and the history check for digests. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:history',
  'groups:history',
];

function usageHint(def: CommandDefinition): string {
  if (!def.subcommands?.length) return optionsUsage(def.options);
  return def.subcommands.map((s) => `${s.name} ${optionsUsage(s.options)}`.trim()).join(' | ');
}

/** A Slack app manifest generated from the command definitions: paste it at api.slack.com/apps. */
export function slackManifest(
  commands: CommandDefinition[],
  options: ManifestOptions,
): Record<string, unknown> {
  const name = options.name ?? 'newsdesk';
  const events = options.socketMode
    ? undefined
    : `${options.publicUrl ?? 'https://YOUR-HOST'}${SLACK_PATHS.events}`;
  const oauth = events && options.redirectUrl ? options.redirectUrl : undefined;
  return {
    display_information: {
      name,
      description: 'Who is who, what happened when, and a sourced daily news digest.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((def) => ({
        command: `/${def.name}`,
        description: def.description.slice(0, 100),
        ...(usageHint(def) ? { usage_hint: usageHint(def).slice(0, 1000) } : {}),
        should_escape: false,
        ...(events ? { url: events } : {}),
      })),
    },
    oauth_config: { ...(oauth ? { redirect_urls: [oauth] } : {}), scopes: { bot: SLACK_BOT_SCOPES } },
    settings: {
      ...(oauth ? { event_subscriptions: { request_url: events, bot_events: SLACK_UNINSTALL_EVENTS } } : {}),
      interactivity: { is_enabled: true, ...(events ? { request_url: events } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
