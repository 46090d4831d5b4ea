/** Per-thread CPU from /proc, and figures per client, for the density benchmark. */

/** Memory per client in KiB: the growth from `before` to `after` spread over `clients`. */
export function kibPerClient(
  before: number,
  after: number,
  clients: number,
): number {
  return clients > 0 ? (after - before) / 1024 / clients : NaN;
}

/** Cores of CPU per 1,000 clients. */
export function coresPer1000(cores: number, clients: number): number {
  return clients > 0 ? cores / clients * 1000 : NaN;
}

/** The utime + stime clock ticks of one /proc/…/stat line (the name in parentheses may hold spaces). */
export function statTicks(line: string): number {
  const fields = line.slice(line.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return Number(fields[11]) + Number(fields[12]);
}

/** Clock ticks per second of /proc times (USER_HZ). */
const USER_HZ = 100;

/** CPU seconds of each thread of a process, by thread id, with the thread's name. */
export type ThreadTimes = Map<string, [string, number]>;

/** CPU seconds of each thread of `pid`. */
export function threadSeconds(pid: number): ThreadTimes {
  const threads: ThreadTimes = new Map();
  try {
    for (const entry of Deno.readDirSync(`/proc/${pid}/task`)) {
      try {
        const dir = `/proc/${pid}/task/${entry.name}`;
        const name = Deno.readTextFileSync(`${dir}/comm`).trim();
        const ticks = statTicks(Deno.readTextFileSync(`${dir}/stat`));
        threads.set(entry.name, [name, ticks / USER_HZ]);
      } catch { /* the thread ended meanwhile */ }
    }
  } catch { /* not Linux */ }
  return threads;
}

/** Cores per thread name between two `threadSeconds` snapshots `seconds` apart, busiest first. */
export function threadCores(
  before: ThreadTimes,
  after: ThreadTimes,
  seconds: number,
): [string, number][] {
  const byName = new Map<string, number>();
  for (const [tid, [name, cpu]] of after) {
    const used = cpu - (before.get(tid)?.[1] ?? 0);
    byName.set(name, (byName.get(name) ?? 0) + used / seconds);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

/** How many file descriptors `pid` has open (0 if it is gone). */
export function openDescriptors(pid: number): number {
  try {
    return [...Deno.readDirSync(`/proc/${pid}/fd`)].length;
  } catch {
    return 0;
  }
}

/** Samples `pid`'s open descriptors every second until stopped; returns the most seen. */
export function sampleDescriptorPeak(pid: number): () => number {
  let peak = openDescriptors(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, openDescriptors(pid));
  }, 1000);
  return () => {
    clearInterval(timer);
    return Math.max(peak, openDescriptors(pid));
  };
}
