import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident set size of a process in MiB, from VmRSS in /proc/<pid>/status; undefined once it is gone. */
export function readRssMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time a process (all its threads) has used so far, in ms. */
export function readCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces; everything after its closing parenthesis is fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const userTicks = Number(fields[11]);
    const systemTicks = Number(fields[12]);
    return ((userTicks + systemTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** RSS of one process over a run: when it was ready, the highest seen, and at the end. */
export interface RssProfile {
  readonly startMb: number;
  readonly peakMb: number;
  readonly endMb: number;
  readonly samples: number;
}

/** Samples VmRSS of named processes on a timer until stopped. */
export class RssSampler {
  private readonly samples = new Map<string, number[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: Readonly<Record<string, number>>,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Takes a last sample and returns each process's profile. */
  stop(): Record<string, RssProfile> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const profiles: Record<string, RssProfile> = {};
    for (const [name, values] of this.samples) {
      if (values.length === 0) continue;
      profiles[name] = {
        startMb: roundMb(values[0] as number),
        peakMb: roundMb(Math.max(...values)),
        endMb: roundMb(values[values.length - 1] as number),
        samples: values.length,
      };
    }
    return profiles;
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = readRssMb(pid);
      if (rss === undefined) continue;
      const values = this.samples.get(name) ?? [];
      values.push(rss);
      this.samples.set(name, values);
    }
  }
}

/** CPU ms each named process used between two snapshots. */
export function cpuSnapshot(pids: Readonly<Record<string, number>>): Record<string, number> {
  const snapshot: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const cpu = pid === process.pid ? selfCpuMs() : readCpuMs(pid);
    if (cpu !== undefined) snapshot[name] = cpu;
  }
  return snapshot;
}

/** Difference of two snapshots, per name. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, value] of Object.entries(after)) {
    const earlier = before[name];
    if (earlier !== undefined) delta[name] = value - earlier;
  }
  return delta;
}

/** CPU time all cores of the machine spent busy so far (not idle, not waiting for I/O), ms. */
export function machineBusyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return ((total - idle) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function roundMb(value: number): number {
  return Math.round(value * 10) / 10;
}
