import { EventEmitter } from 'node:events';
import type { BrowserWindow, Session, WebContentsView } from 'electron';
import { describe, expect, it } from 'vitest';
import { createExternalView } from '../../../electron/main/external_view';

/** Stand-ins for the Electron objects the glue touches, recording what it does to them. */
class FakeSession extends EventEmitter {
  requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void, d: object) => void) | null = null;
  checkHandler: ((c: unknown, p: string, origin: string, d: object) => boolean) | null = null;
  cleared = 0;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler() {}
  async clearStorageData() {
    this.cleared += 1;
  }
  async clearCache() {}
  ask(permission: string, requestingUrl: string, mediaTypes: string[]): boolean {
    let granted = false;
    this.requestHandler?.(null, permission, (ok) => (granted = ok), { requestingUrl, mediaTypes });
    return granted;
  }
}

function world() {
  const partitions = new Map<string, FakeSession>();
  const fromPartition = (name: string) => {
    if (!partitions.has(name)) partitions.set(name, new FakeSession());
    return partitions.get(name)!;
  };
  const views: FakeView[] = [];
  class FakeView {
    readonly options: { webPreferences: Record<string, unknown> };
    readonly webContents: EventEmitter & { session: FakeSession; loaded: string[]; closed: boolean };
    bounds: unknown = null;
    constructor(options: FakeView['options']) {
      this.options = options;
      const contents = Object.assign(new EventEmitter(), {
        session: fromPartition(String(options.webPreferences.partition)),
        loaded: [] as string[],
        closed: false,
      });
      this.webContents = Object.assign(contents, {
        loadURL: async (url: string) => void contents.loaded.push(url),
        close: () => {
          contents.closed = true;
        },
      });
      views.push(this);
    }
    setBounds(bounds: unknown) {
      this.bounds = bounds;
    }
  }
  const children = new Set<unknown>();
  const window = Object.assign(new EventEmitter(), {
    isDestroyed: () => false,
    getContentBounds: () => ({ x: 0, y: 0, width: 1920, height: 1080 }),
    contentView: {
      addChildView: (v: unknown) => children.add(v),
      removeChildView: (v: unknown) => children.delete(v),
    },
  });
  const external = createExternalView({
    host: () => window as unknown as BrowserWindow,
    fromPartition: fromPartition as unknown as (partition: string) => Session,
    View: FakeView as unknown as typeof WebContentsView,
  });
  return { external, views, children, window, kioskContents: { session: fromPartition('default') } };
}

const target = { url: 'https://video.example.org/room', allowedOrigins: ['https://video.example.org'] };

describe('the external view glue', () => {
  it('opens the page in a locked-down view above the return bar, in its own partition', async () => {
    const { external, views, children } = world();
    const outcomes: string[] = [];
    expect(await external.open(target, (outcome) => outcomes.push(outcome))).toEqual({ ok: true });
    const [view] = views;
    expect(view?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(view?.options.webPreferences).not.toHaveProperty('preload');
    expect(String(view?.options.webPreferences.partition)).not.toMatch(/^persist:/);
    expect(children.has(view)).toBe(true);
    expect(view?.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 864 });
    expect(view?.webContents.loaded).toEqual([target.url]);

    const session = view!.webContents.session;
    expect(session.ask('media', 'https://video.example.org/room', ['video', 'audio'])).toBe(true);
    expect(session.ask('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(session.ask('geolocation', 'https://video.example.org/', [])).toBe(false);
    // A second service cannot be opened over the first.
    expect(await external.open(target, () => {})).toEqual({ ok: false, reason: 'failed_to_start' });
    expect(outcomes).toEqual([]);
  });

  it('its pages follow the allow-list; the kiosk pages keep the app rule', async () => {
    const { external, views, kioskContents } = world();
    await external.open(target, () => {});
    const rule = external.navigationRuleFor(views[0]!.webContents as never);
    expect(rule?.('https://video.example.org/next')).toBe(true);
    expect(rule?.('https://evil.example/')).toBe(false);
    expect(external.navigationRuleFor(kioskContents as never)).toBeNull();
  });

  it('"back to the kiosk" removes the view, closes its page and clears what the service stored', async () => {
    const { external, views, children } = world();
    const outcomes: string[] = [];
    await external.open(target, (outcome) => outcomes.push(outcome));
    const view = views[0]!;
    external.close();
    expect(outcomes).toEqual(['ended']);
    expect(children.has(view)).toBe(false);
    expect(view.webContents.closed).toBe(true);
    expect(view.webContents.session.cleared).toBe(1);
    // Nothing is granted once it is closed, and it can be opened again.
    expect(view.webContents.session.ask('media', 'https://video.example.org/', ['video'])).toBe(false);
    expect(await external.open(target, () => {})).toEqual({ ok: true });
  });

  it('a page that fails to load or crashes closes with an error; an aborted navigation does not', async () => {
    const { external, views } = world();
    const outcomes: string[] = [];
    await external.open(target, (outcome) => outcomes.push(outcome));
    views[0]!.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://evil.example/', true);
    views[0]!.webContents.emit('did-fail-load', {}, -105, 'NAME_NOT_RESOLVED', 'https://cdn.example/', false);
    expect(outcomes).toEqual([]);
    views[0]!.webContents.emit('did-fail-load', {}, -105, 'NAME_NOT_RESOLVED', target.url, true);
    expect(outcomes).toEqual(['error']);
    await external.open(target, (outcome) => outcomes.push(outcome));
    views[1]!.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(outcomes).toEqual(['error', 'error']);
  });
});
