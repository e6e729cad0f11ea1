import { readFileSync } from 'node:fs';

/** Resident set size of a process in MiB from /proc/<pid>/status (VmRSS), or NaN when it cannot be read. */
export function readRssMiB(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Polls a process's RSS every `intervalMs` (200 ms) and keeps the largest value seen. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private max = Number.NaN;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 200,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Stops polling; returns the maximum RSS in MiB seen since start. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.max;
  }

  private sample() {
    const rss = readRssMiB(this.pid);
    if (Number.isFinite(rss) && !(rss <= this.max)) this.max = rss;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; NaN when unreadable. */
export function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / CLOCK_TICKS) * 1000;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;
