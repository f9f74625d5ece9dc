import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import { createAppRequestHandler, registerAppScheme } from '../../../electron/main/app_protocol';

const SHELL_STATIC = path.resolve(import.meta.dirname, '../../../electron/main/static');
let root: string;
let handle: ReturnType<typeof createAppRequestHandler>;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-app-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-CSFGKMFN.js'), 'console.log(2)');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'outside the renderer');
  handle = createAppRequestHandler(root, SHELL_STATIC);
});

const get = (url: string, method = 'GET') => handle({ url, method });

describe('app:// protocol', () => {
  it('registers app: as a standard, secure scheme before ready', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
      }),
    ]);
  });

  it('lets the window keep content-hashed build files between starts, and nothing else', () => {
    expect(get('app://kiosk/assets/index-CSFGKMFN.js').headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const fresh of ['app://kiosk/index.html', 'app://kiosk/assets/app.js', 'app://kiosk/missing.js'])
      expect(get(fresh).headers.get('cache-control'), fresh).toBe('no-store');
  });

  it('serves the built renderer with the CSP and content type on every response', async () => {
    const index = get('app://kiosk/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>kiosk</title>');
    const script = get('app://kiosk/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(get('app://kiosk/missing.js').headers.get('content-security-policy')).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it.each([
    'app://kiosk/../outside.txt',
    'app://kiosk/%2e%2e/outside.txt',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2foutside.txt',
    'app://kiosk/..%5coutside.txt',
    'app://kiosk/.env',
    'app://kiosk/%2eenv',
    'app://kiosk/index.html%00.js',
    'app://kiosk/%E0%A4%A',
    'app://kiosk/missing.html',
    'app://other/index.html',
    'app://kiosk.evil/index.html',
  ])('refuses %s', async (url) => {
    const response = get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('serves only GET and HEAD', () => {
    expect(get('app://kiosk/index.html', 'POST').status).toBe(405);
    expect(get('app://kiosk/index.html', 'PUT').status).toBe(405);
    const head = get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('serves the staff crash page: Mongolian first, then Chinese and English, with the code', async () => {
    const page = get('app://kiosk/__shell/crashed?code=renderer-crashed-3');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    const at = (lang: string) => html.indexOf(`<section lang="${lang}"`);
    expect(at('mn-Mong-CN')).toBeGreaterThan(0);
    expect(at('zh-CN')).toBeGreaterThan(at('mn-Mong-CN'));
    expect(at('en')).toBeGreaterThan(at('zh-CN'));
    expect(html).toContain('终端暂时无法使用');
    expect(html).toContain('This kiosk is temporarily out of service');
    expect(html).toContain('故障代码：renderer-crashed-3');
    expect(html).toContain('<link rel="stylesheet" href="/__shell/crashed.css"');
    const style = get('app://kiosk/__shell/crashed.css');
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await style.text()).toContain('writing-mode: vertical-lr');
  });

  it('keeps markup out of the crash code', async () => {
    const html = await get('app://kiosk/__shell/crashed?code=<script>alert(1)</script>"$&').text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('故障代码：scriptalert1script');
  });
});
