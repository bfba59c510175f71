// The newsdesk processes of a bench:scale run (the bot, or a front end and its workers): started as a
// user starts them, their log in a file, their peak RSS read from /proc while they run (VmHWM), so
// that a kill -9 reaches the node process itself and still leaves its figure.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Running {
  name: string;
  child: ChildProcess;
  /** Peak resident set size so far, MB (VmHWM). */
  peakMb: number;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  /** Its log so far (stderr and stdout), for a failed run's message. */
  log: () => string;
}

function peakOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined; // it has exited
  }
}

/** A node process running `args` (a bin script and its arguments) with only `env` for environment. */
export function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
): Running {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(logFile);
  let text = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      file.write(chunk);
      if (text.length < 200_000) text += chunk.toString();
    });
  const running: Running = {
    name,
    child,
    peakMb: 0,
    log: () => text,
    exited: new Promise((done) =>
      child.on('exit', (code, signal) => {
        clearInterval(sampler);
        file.end();
        done(signal ?? String(code));
      }),
    ),
  };
  const sample = () => {
    running.peakMb = Math.max(running.peakMb, peakOf(child.pid) ?? 0);
  };
  const sampler = setInterval(sample, 500);
  return running;
}

/** Resolves once the process has logged `text` (or throws after `timeoutMs`, or when it exits first). */
export async function loggedLine(running: Running, text: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!running.log().includes(text)) {
    if (running.child.exitCode !== null || running.child.signalCode !== null)
      throw new Error(`${running.name} exited before logging '${text}':\n${running.log().slice(-2000)}`);
    if (Date.now() > until) throw new Error(`${running.name} did not log '${text}' in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
export async function stopProcess(running: Running, graceMs = 20_000): Promise<string> {
  running.peakMb = Math.max(running.peakMb, peakOf(running.child.pid) ?? 0);
  if (running.child.exitCode !== null || running.child.signalCode !== null) return running.exited;
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
  const how = await running.exited;
  clearTimeout(timer);
  return how;
}
