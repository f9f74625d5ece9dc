import fs from 'node:fs';

export interface ProcessMemory {
  /** Processes found (a browser is many: browser, zygotes, renderers, GPU and utility processes). */
  processes: number;
  /** Sum of their resident sets: an upper bound, as shared pages count once per process. */
  rssBytes: number;
  /** Sum of their proportional set sizes: shared pages split between the sharers (what they really cost). */
  pssBytes: number;
}

export interface MarkedProcess {
  pid: number;
  /** Chromium's `--type=` (renderer, zygote, gpu-process, utility…); `browser` for the main process. */
  type: string;
}

/** The processes whose command line holds `marker` (for a browser: its own profile folder), from /proc. */
export function processesOf(marker: string): MarkedProcess[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return []; // Not Linux.
  }
  return entries.flatMap((pid) => {
    try {
      // Chromium rewrites its children's argv into one space-separated string: read it as one text.
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!commandLine.includes(marker)) return [];
      return [{ pid: Number(pid), type: /--type=(\S+)/.exec(commandLine)?.[1] ?? 'browser' }];
    } catch {
      return []; // It ended while we looked.
    }
  });
}

function kilobytes(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Memory of the processes whose command line holds `marker`; null where there is no /proc (not Linux). */
export function processMemory(marker: string): ProcessMemory | null {
  if (!fs.existsSync('/proc/self/smaps_rollup')) return null;
  const total: ProcessMemory = { processes: 0, rssBytes: 0, pssBytes: 0 };
  for (const { pid } of processesOf(marker)) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total.processes++;
      total.rssBytes += kilobytes(rollup, 'Rss');
      total.pssBytes += kilobytes(rollup, 'Pss');
    } catch {
      // It ended while we read it.
    }
  }
  return total;
}
