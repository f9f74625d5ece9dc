import { parseArgs } from 'node:util';

export type CliOptions = Record<string, { type: 'string' | 'boolean' }>;
type CliValues<O extends CliOptions> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Parses the hub CLIs' flags; unknown flags and a missing `--data` are usage errors (exit code 2). Every
 * hub CLI also takes `--db postgres://…` (the store of a province) and defaults to SQLite in `--data`.
 */
export function parseCli<O extends CliOptions>(
  argv: string[],
  options: O,
  usage: string,
): { values: CliValues<O>; positionals: string[]; dataDir: string; db: string | undefined } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, data: { type: 'string' }, db: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const dataDir = values.data;
    if (typeof dataDir !== 'string' || dataDir === '') throw new Error('--data DIR is required');
    const db = typeof values.db === 'string' ? values.db : undefined;
    return { values: values as CliValues<O>, positionals: parsed.positionals, dataDir, db };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}\n`);
    process.exit(2);
  }
}

/** Ends a CLI with a one-line reason on stderr. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
