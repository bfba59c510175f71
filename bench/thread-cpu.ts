import { readFileSync } from 'node:fs';

// Linux reports thread times in USER_HZ ticks, 100 a second on every architecture Node runs on.
const MS_PER_TICK = 10;

/**
 * CPU time of this process's main thread in ms (Linux /proc; undefined elsewhere). With workers
 * beside it, process.cpuUsage() counts every thread; the main thread's own share is the floor of
 * a run's wall time, however many cores the workers get.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}
