import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const ELECTRON_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
).version;
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

interface Scan {
  findings: Finding[];
  parseErrors: string[];
}

const SEVERITY_CELL = /^(INFORMATIONAL|LOW|MEDIUM|HIGH) \| (TENTATIVE|FIRM|CERTAIN)$/;

/**
 * Reads the findings table the CLI prints. Each finding is a row whose first cell holds the check id on its
 * first line and `SEVERITY | CONFIDENCE` on its last; the file and location cells sit on the id's line.
 */
function parseTable(printed: string): Finding[] {
  const findings: Finding[] = [];
  let current: Omit<Finding, 'severity' | 'confidence'> | null = null;
  for (const line of printed.split('\n')) {
    const cells = line
      .split('│')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.length !== 4) continue;
    const [first = '', file = '', location = ''] = cells;
    const severity = SEVERITY_CELL.exec(first);
    if (/^[A-Z0-9_]+$/.test(first)) current = { id: first, file, location };
    else if (severity && current) {
      findings.push({ ...current, severity: severity[1]!, confidence: severity[2]! });
      current = null;
    }
  }
  return findings;
}

/**
 * Runs the Electronegativity CLI on a folder and reads the table it prints (it exits 0 whatever it finds).
 * Not `-o report.csv`: with `-o` the CLI prints no parse errors (an unparsable file is silently skipped),
 * and it writes the CSV header and rows as two unordered async writes, which under load loses the rows.
 */
async function scan(input: string): Promise<Scan> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [CLI, '-i', input, '-e', ELECTRON_VERSION, '-r', '-v', 'false'],
    { cwd: ROOT, timeout: 150_000, maxBuffer: 32 * 1024 * 1024 },
  );
  const printed = stripVTControlCharacters(`${stdout}\n${stderr}`);
  expect(printed, 'the scanner did not run its checks').toMatch(/\d+ check\(s\) successfully loaded/);
  const findings = parseTable(printed);
  if (findings.length === 0)
    expect(printed, 'neither findings nor "No issues"').toContain('No issues were found.');
  const parseErrors = printed.split('\n').filter((line) => /^\s*Error parsing /.test(line));
  return { findings, parseErrors };
}

const blocking = (findings: Finding[]) =>
  findings
    .filter((f) => BLOCKING.has(f.severity))
    .map((f) => `${f.severity} ${f.id} ${f.file}:${f.location}`);

const INSECURE_WINDOW = `import { BrowserWindow } from 'electron';

export function openWindow(): BrowserWindow {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  void window.loadURL('http://example.com/');
  return window;
}
`;

let shell: Scan;
let insecureFixture: Scan;
let regressedShell: Scan;

beforeAll(async () => {
  const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-eneg-fixtures-'));
  const insecure = path.join(fixtures, 'insecure');
  fs.mkdirSync(insecure);
  fs.writeFileSync(path.join(insecure, 'main.ts'), INSECURE_WINDOW);
  fs.writeFileSync(path.join(insecure, 'broken.ts'), 'export const broken = ;\n');

  // The shell itself with one switch flipped, to prove the scan of electron/ would catch that regression.
  const regressed = path.join(fixtures, 'regressed');
  fs.cpSync(path.join(ROOT, 'electron', 'main'), regressed, { recursive: true });
  const windowFile = path.join(regressed, 'kiosk_window.ts');
  const source = fs.readFileSync(windowFile, 'utf8');
  expect(source).toContain('sandbox: true,');
  fs.writeFileSync(windowFile, source.replace('sandbox: true,', 'sandbox: false,'));

  [shell, insecureFixture, regressedShell] = await Promise.all([
    scan(path.join(ROOT, 'electron')),
    scan(insecure),
    scan(regressed),
  ]);
}, 300_000);

describe('Electronegativity scan', () => {
  it('parses every file of electron/ (an unparsed file would be silently skipped)', () => {
    expect(shell.parseErrors).toEqual([]);
  });

  it('finds no HIGH or MEDIUM issue in electron/', () => {
    expect(blocking(shell.findings)).toEqual([]);
  });

  it('does report HIGH and MEDIUM issues for an insecure BrowserWindow', () => {
    const ids = insecureFixture.findings
      .filter((f) => BLOCKING.has(f.severity))
      .map((f) => `${f.severity} ${f.id}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'HIGH CONTEXT_ISOLATION_JS_CHECK',
        'MEDIUM SANDBOX_JS_CHECK',
        'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK',
        'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'MEDIUM CSP_GLOBAL_CHECK',
      ]),
    );
  });

  it('notices a file it cannot parse', () => {
    expect(insecureFixture.parseErrors).toEqual([expect.stringContaining('broken.ts')]);
  });

  it('catches the kiosk window losing its sandbox', () => {
    expect(blocking(regressedShell.findings)).toEqual([
      expect.stringMatching(/^MEDIUM SANDBOX_JS_CHECK kiosk_window\.ts:/),
    ]);
  });
});

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (
    csp: unknown,
    version: unknown,
  ) => { evaluate(): { severity: number; directive: string }[] };
  Version: { CSP3: unknown };
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM', number>;
}

describe('content security policy', () => {
  it("the app's CSP (sent by the app:// protocol) has no high, medium or syntax finding", () => {
    // The scan sees the crash page's meta CSP; the page CSP is a header, so it is evaluated here directly.
    const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const findings = new csp.CspEvaluator(
      new csp.CspParser(CONTENT_SECURITY_POLICY).csp,
      csp.Version.CSP3,
    ).evaluate();
    const serious = [csp.severities.HIGH, csp.severities.SYNTAX, csp.severities.MEDIUM];
    expect(findings.filter((f) => serious.includes(f.severity))).toEqual([]);

    const weakened = `${CONTENT_SECURITY_POLICY}; script-src 'self' 'unsafe-inline'`.replace(
      "script-src 'self';",
      '',
    );
    const weak = new csp.CspEvaluator(new csp.CspParser(weakened).csp, csp.Version.CSP3).evaluate();
    expect(weak.some((f) => serious.includes(f.severity))).toBe(true);
  });
});
