import type { BrowserWindow, Session, WebContents, WebContentsView } from 'electron';
import type { ExternalOutcome, ExternalViewPort } from '../../core/video/external_view_port';
import {
  createExternalViewPolicy,
  type ExternalViewPolicy,
  externalViewBounds,
} from './external_view_policy';
import { hardenSession } from './session_hardening';

/** In memory (no `persist:` prefix): the service's cookies and storage never reach the disk. */
const PARTITION = 'external-video';

export interface ExternalView extends ExternalViewPort {
  /** For `web-contents-created`: the navigation rule of the external view's pages, or null for the app's. */
  navigationRuleFor(contents: WebContents): ((url: string) => boolean) | null;
}

/**
 * The contracted web video service, in a view inside the kiosk window (the kiosk page keeps a "back to the
 * kiosk" bar below it). Own session partition, sandboxed, no preload, no Node; the decisions are in
 * `external_view_policy.ts`. Closing it clears everything the service stored, so the next visitor starts clean.
 */
export interface ExternalViewDeps {
  /** The kiosk window the view is shown in. */
  host: () => BrowserWindow | null;
  /** Electron's own, passed in by main.ts (only the entry points load the Electron runtime). */
  fromPartition: (partition: string) => Session;
  View: typeof WebContentsView;
}

export function createExternalView({ host, fromPartition, View }: ExternalViewDeps): ExternalView {
  let policy: ExternalViewPolicy | null = null;
  let current: {
    view: WebContentsView;
    window: BrowserWindow;
    finish(outcome: ExternalOutcome): void;
  } | null = null;
  let hardened = false;
  const partition = () => {
    const ses = fromPartition(PARTITION);
    if (!hardened) {
      hardenSession(ses, { allows: (query) => policy?.allows(query) ?? false });
      hardened = true;
    }
    return ses;
  };

  return {
    navigationRuleFor(contents) {
      return hardened && contents.session === partition() ? (url) => policy?.mayNavigate(url) ?? false : null;
    },
    async open(target, onClosed) {
      const window = host();
      if (!window || window.isDestroyed() || current) return { ok: false, reason: 'failed_to_start' };
      policy = createExternalViewPolicy(target.allowedOrigins);
      const ses = partition();
      const view = new View({
        webPreferences: {
          partition: PARTITION,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          navigateOnDragDrop: false,
          safeDialogs: true,
          devTools: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      const place = () => view.setBounds(externalViewBounds(window.getContentBounds()));
      const finish = (outcome: ExternalOutcome) => {
        if (current?.view !== view) return;
        current = null;
        policy = null;
        window.off('resize', place);
        if (!window.isDestroyed()) window.contentView.removeChildView(view);
        view.webContents.close();
        void ses.clearStorageData().then(() => ses.clearCache());
        onClosed(outcome);
      };
      current = { view, window, finish };
      view.webContents.on('render-process-gone', () => finish('error'));
      view.webContents.on('did-fail-load', (_event, code, _description, _url, isMainFrame) => {
        // -3 is an aborted load (for example a navigation the policy refused): the page stays.
        if (isMainFrame && code !== -3) finish('error');
      });
      window.contentView.addChildView(view);
      place();
      window.on('resize', place);
      void view.webContents.loadURL(target.url).catch(() => undefined);
      return { ok: true };
    },
    close() {
      current?.finish('ended');
    },
  };
}
