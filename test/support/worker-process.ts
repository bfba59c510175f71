import { type ChildProcess, spawn } from 'node:child_process';
import { type DiscordStandIn, IDS } from './discord-server.ts';

export interface WorkerProcess {
  child: ChildProcess;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

/**
 * The environment of a test's front end and workers: one database (store and queue), the Discord
 * stand-in to post to, feeds on 127.0.0.1; `settings` over it.
 */
export const workerEnv = (
  databaseUrl: string,
  discord: Pick<DiscordStandIn, 'token' | 'apiUrl'>,
  settings: Record<string, string> = {},
): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  DISCORD_TOKEN: discord.token,
  DISCORD_APPLICATION_ID: IDS.application,
  DISCORD_API_URL: discord.apiUrl,
  ALLOW_PRIVATE_FEEDS: 'true',
  LOG_LEVEL: 'warn',
  ...settings,
});

/** Real `newsdesk worker` processes, as an operator starts them (the build in dist/). */
export class WorkerProcesses {
  private readonly children: ChildProcess[] = [];

  /** A worker on `queues` with `env` over this process's environment; its stderr shows in the test's. */
  start(env: Record<string, string>, queues: string): WorkerProcess {
    const child = spawn(process.execPath, ['bin/newsdesk.js', 'worker', '--queues', queues], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited };
  }

  /** Kills (SIGKILL) those still running: for afterEach, after a test that failed half-way. */
  killAll(): void {
    for (const child of this.children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  }
}
