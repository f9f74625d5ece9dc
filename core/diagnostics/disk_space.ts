import fs from 'node:fs';

export interface DiskSpace {
  free: number;
  total: number;
}

/** Free (for this user) and total bytes of the file system holding `dir`. */
export function diskSpace(dir: string): DiskSpace {
  const stats = fs.statfsSync(dir);
  return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
}
