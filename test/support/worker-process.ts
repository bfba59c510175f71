import { type ChildProcess, spawn } from 'node:child_process';

export interface WorkerProcess {
  child: ChildProcess;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

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
