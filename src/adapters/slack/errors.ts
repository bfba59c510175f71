import { CodedError, ErrorCode } from '../../core/errors.ts';

/** The Slack app could not start: a rejected token, an unreachable Slack, a port in use. */
export class SlackStartError extends CodedError {
  override name = 'SlackStartError';
  readonly code = ErrorCode.SlackStart;
}

/** OAuth mode: the workspace has no installation (never installed, or uninstalled): nothing is sent for it. */
export class SlackNotInstalledError extends CodedError {
  override name = 'SlackNotInstalledError';
  readonly code = ErrorCode.SlackNotInstalled;
}

/** An Enterprise Grid org-wide install: newsdesk is installed per workspace, each its own tenant. */
export class SlackOrgInstallError extends CodedError {
  override name = 'SlackOrgInstallError';
  readonly code = ErrorCode.SlackOrgInstall;
}
