/**
 * Resident memory of a process and its descendants, sampled from /proc every `intervalMs`. VmRSS is
 * the current figure; VmHWM is the kernel's own peak, which catches spikes between two samples.
 * Descendants count because `next start` may serve from a child process, and what a user pays for
 * is the whole tree.
 */
import fs from "node:fs";


function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** The pid and every descendant, from the kernel's per-thread children lists. */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const text = (() => {
        try {
          return fs.readFileSync(`/proc/${out[i]}/task/${tid}/children`, "utf8");
        } catch {
          return "";
        }
      })();
      for (const c of text.split(/\s+/).filter(Boolean)) if (!out.includes(Number(c))) out.push(Number(c));
    }
  }
  return out;
}

export interface RssSummary {
  /** Tree RSS at the first sample, MB. */
  baseline: number;
  /** Largest tree RSS sampled, MB. */
  peak: number;
  /** Largest VmHWM of any one process of the tree, MB (a peak no 100 ms sample can miss). */
  peakHwm: number;
  /** Tree RSS at the last sample, MB. */
  last: number;
  samples: number;
}

export interface RssSampler {
  /** Summary so far; the sampler keeps running. */
  summary(): RssSummary;
  /** Forgets the samples (the baseline becomes the next sample); VmHWM is the kernel's and stays. */
  reset(): void;
  stop(): RssSummary;
}

export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let samples: number[] = [];
  let hwm = 0;
  const take = () => {
    const tree = processTree(pid);
    samples.push(tree.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0) / 1024);
    hwm = Math.max(hwm, ...tree.map((p) => statusKb(p, "VmHWM") / 1024));
  };
  take();
  const timer = setInterval(take, intervalMs);
  const summary = (): RssSummary => ({
    baseline: samples[0] ?? 0,
    peak: Math.max(0, ...samples),
    peakHwm: hwm,
    last: samples[samples.length - 1] ?? 0,
    samples: samples.length,
  });
  return {
    summary,
    reset: () => {
      samples = [];
      take();
    },
    stop: () => {
      clearInterval(timer);
      take();
      return summary();
    },
  };
}

