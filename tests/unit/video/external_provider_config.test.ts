import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedOriginsOf,
  externalProgramSchema,
  externalProviderSchema,
} from '../../../common/video/external_provider';
import { parseConfig } from '../../../core/config/load_config';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);
const withExternal = (external: unknown) => parseConfig(JSON.stringify({ ...sample, video: { external } }));

/** The field the provisioning error names, or 'valid'. */
function problem(external: unknown): string {
  const parsed = withExternal(external);
  return parsed.ok ? 'valid' : parsed.error.field;
}

/** The field a technician's `video_program.json` is refused for, or 'valid'. */
function programProblem(program: unknown): string {
  const parsed = externalProgramSchema.safeParse(program);
  return parsed.success ? 'valid' : parsed.error.issues[0]!.path.map(String).join('.') || 'file';
}

describe('video.external in the provisioning file', () => {
  it('accepts an https service with extra origins; a program only from the technician’s file', () => {
    const web = withExternal({
      kind: 'url',
      url: 'https://video.example.org/room?centre=baotou',
      allowedOrigins: ['https://login.example.org'],
      name: '远程手语',
    });
    expect(web.ok && web.value.video?.external).toEqual({
      kind: 'url',
      url: 'https://video.example.org/room?centre=baotou',
      allowedOrigins: ['https://login.example.org'],
      name: '远程手语',
    });
    const program = { kind: 'program', path: 'C:\\Program Files\\Meet\\meet.exe', args: ['--room', '42'] };
    expect(programProblem(program)).toBe('valid');
    expect(programProblem({ kind: 'program', path: '/opt/meet/bin/meet' })).toBe('valid');
    // The provisioning file (written by enrollment answers and screen edits) never names a program.
    expect(problem(program)).toBe('video.external.kind');
  });

  it('allows plain http only on the kiosk itself (loopback is a secure context; the LAN is not)', () => {
    expect(problem({ kind: 'url', url: 'http://127.0.0.1:8080/' })).toBe('valid');
    expect(problem({ kind: 'url', url: 'http://localhost/call' })).toBe('valid');
    expect(problem({ kind: 'url', url: 'http://192.168.1.20/call' })).toBe('video.external.url');
    expect(problem({ kind: 'url', url: 'http://evil.example/' })).toBe('video.external.url');
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://kiosk/index.html',
    'https://user:pass@video.example.org/',
    'https://video.example.org/\nhttps://evil.example/',
    'https://video.example.org/ room',
    'https://',
    'video.example.org',
    '',
    `https://video.example.org/${'a'.repeat(1024 * 1024)}`,
  ])('refuses the URL %j and names the field', (url) => {
    expect(problem({ kind: 'url', url })).toBe('video.external.url');
  });

  it.each([
    ['https://login.example.org/path'],
    ['https://Login.example.org'],
    ['http://login.example.org'],
    ['*'],
    ['javascript:alert(1)'],
  ])('refuses the allowed origin %j (origins only, https, exact form)', (origin) => {
    expect(problem({ kind: 'url', url: 'https://video.example.org/', allowedOrigins: [origin] })).toBe(
      'video.external.allowedOrigins.0',
    );
  });

  it.each([
    'meet',
    './meet',
    'bin/meet',
    '/opt/meet/$(rm -rf ~)',
    '/opt/meet/`id`',
    '/opt/meet;reboot',
    '/opt/meet|sh',
    '/opt/meet\n/bin/sh',
    '/opt/meet/../../bin/sh',
    'C:\\Windows\\start.bat',
    'C:\\Tools\\meet.CMD',
    '%COMSPEC%',
    '\\\\server\\share\\meet.exe',
  ])('refuses the program path %j and names the field', (file) => {
    expect(programProblem({ kind: 'program', path: file, args: [] })).toBe('path');
  });

  it('refuses control characters and over-long or too many arguments, naming the argument', () => {
    expect(programProblem({ kind: 'program', path: '/opt/meet', args: ['ok', 'two\nlines'] })).toBe('args.1');
    expect(programProblem({ kind: 'program', path: '/opt/meet', args: ['nul\u0000'] })).toBe('args.0');
    expect(programProblem({ kind: 'program', path: '/opt/meet', args: ['x'.repeat(201)] })).toBe('args.0');
    expect(programProblem({ kind: 'program', path: '/opt/meet', args: Array(17).fill('a') })).toBe('args');
    expect(programProblem({ kind: 'program', path: '/opt/meet', args: '--room 42' })).toBe('args');
  });

  it('refuses unknown kinds and fields, wrong types and __proto__', () => {
    expect(problem({ kind: 'shell', command: 'meet' })).toBe('video.external.kind');
    expect(problem({ kind: 'url', url: 'https://video.example.org/', preload: '/tmp/x.js' })).toBe(
      'video.external',
    );
    expect(programProblem({ kind: 'program', path: 42 })).toBe('path');
    expect(
      programProblem(JSON.parse('{"kind":"program","path":"/opt/meet","__proto__":{"shell":true}}')),
    ).not.toBe('valid');
    expect(problem({ kind: 'url', url: 'https://video.example.org/', name: 'a\nb' })).toBe(
      'video.external.name',
    );
  });

  it('the view may show the page origin and the allow-listed ones, nothing else', () => {
    const provider = externalProviderSchema.parse({
      kind: 'url',
      url: 'https://video.example.org/room',
      allowedOrigins: ['https://login.example.org', 'https://video.example.org'],
    });
    expect(provider.kind === 'url' && allowedOriginsOf(provider)).toEqual([
      'https://video.example.org',
      'https://login.example.org',
    ]);
  });
});
