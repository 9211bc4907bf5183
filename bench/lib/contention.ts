/**
 * How much of the machine other processes used while we timed something. On a shared machine
 * (CI runner, a laptop building in the background) a latency tail is often someone else's work;
 * this row lets the reader tell that apart from the app's own slowness. Linux only (/proc/stat);
 * elsewhere the figure is null.
 */
import fs from 'node:fs';
import os from 'node:os';

export interface Contention {
  /** Share of all CPUs busy with processes other than this one, 0..1. */
  othersShare: number | null;
  /** Times the kernel took the CPU away from this process mid-slice. */
  involuntarySwitches: number;
}

/** Busy CPU time of the whole machine, in ms (user + nice + system + irq + softirq + steal). */
function machineBusyMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/u).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    // /proc/stat counts in USER_HZ ticks, 100 per second on every Linux we target.
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return null;
  }
}

export function watchContention(): { stop(): Contention } {
  const startWall = performance.now();
  const startBusy = machineBusyMs();
  const startUsage = process.resourceUsage();
  return {
    stop() {
      const wallMs = performance.now() - startWall;
      const endBusy = machineBusyMs();
      const usage = process.resourceUsage();
      const ownMs = (usage.userCPUTime + usage.systemCPUTime - startUsage.userCPUTime - startUsage.systemCPUTime) / 1000;
      const othersShare = startBusy === null || endBusy === null || wallMs <= 0 ? null : Math.max(0, endBusy - startBusy - ownMs) / (wallMs * os.availableParallelism());
      return { othersShare, involuntarySwitches: usage.involuntaryContextSwitches - startUsage.involuntaryContextSwitches };
    },
  };
}

export function describeContention(c: Contention): string {
  const share = c.othersShare === null ? 'unknown' : `${(c.othersShare * 100).toFixed(0)}% of the machine`;
  return `${share}; ${c.involuntarySwitches} involuntary context switches`;
}

/** Above this share, tails measure the neighbours more than the app. */
const BUSY_SHARE = 0.2;

export function contentionNotes(c: Contention): string[] {
  if (c.othersShare === null || c.othersShare < BUSY_SHARE) return [];
  return [
    `other processes used ${(c.othersShare * 100).toFixed(0)}% of the machine while this was timed: p99 and max measure that competition as much as the app; rerun on a quiet machine before acting on them`,
  ];
}
