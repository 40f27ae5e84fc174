import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) in microseconds from a Linux /proc `stat` file: a process's
 * (`/proc/<pid>/stat`) or one thread's (`/proc/<pid>/task/<tid>/stat`). Counted in clock ticks,
 * 100 a second on Linux, so good to 10 ms.
 */
export function procCpuMicros(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  // Fields after the command name, which may itself contain spaces and parentheses: state is
  // field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
