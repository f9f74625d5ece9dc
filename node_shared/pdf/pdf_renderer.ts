import type { Page } from 'playwright-core';
import { html } from '../../common/print/html';
import { PAGE_SIZES, type PageSize, printPage } from '../../common/print/page';
import { ResourcePool } from '../../common/resource_pool';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from '../logger';
import { type HeadlessChromium, launchHeadlessChromium } from './headless_chromium';
import { type ProcessMemory, processMemory } from './process_memory';

export interface PdfRendererOptions {
  executablePath?: string;
  /** Extra font folder for the browser (default: the bundled fonts); null: system fonts only. */
  fontDir?: string | null;
  /** Documents rendered at once, one page each; more wait their turn in order. A kiosk: 1. */
  pages?: number;
  /** Documents allowed to wait; more are refused as `busy`, so a flood cannot grow memory. */
  maxWaiting?: number;
  /** A page is replaced after this many documents. */
  maxUsesPerPage?: number;
  /** One document that takes longer has hung its page: the page is replaced and the document retried. */
  documentTimeoutMs?: number;
  /** Without a document for this long the browser is closed (started again on demand); unset: stays warm. */
  idleCloseMs?: number;
  logger?: Logger;
}

/** `unavailable`: Chromium does not start; `failed`: the document did not render (twice); `busy`: too many waiting. */
export type PdfFailure = 'unavailable' | 'failed' | 'busy';

export interface PdfRenderer {
  /** Starts the browser and renders a sample with the print fonts, so the first real document is warm
   * (nothing when the browser already runs). */
  warm(): Promise<Result<void, PdfFailure>>;
  render(documentHtml: string, pageSize: PageSize): Promise<Result<Buffer, PdfFailure>>;
  /** Memory of the browser's processes now (null before it runs, or without /proc). */
  memory(): ProcessMemory | null;
  /** The running browser's profile folder, which marks its processes (tests kill them by it). */
  readonly profileDir: string | null;
  /** How many times a browser was started (a crashed one is replaced; idle closing stops one). */
  readonly launches: number;
  close(): Promise<void>;
}

class ChromiumUnavailable extends Error {
  override name = 'ChromiumUnavailable';
}

const WARM_DOCUMENT = printPage({
  language: 'zh-CN',
  title: 'warm',
  pageSize: 'A4',
  css: '',
  body: html`<p>受理回执 法律援助申请表 Receipt <span class="mn">ᠮᠣᠩᠭᠣᠯ</span></p>`,
});

function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('document timed out')), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * HTML → PDF in one long-lived headless Chromium with a small pool of reused pages: the dev host's printer
 * (one page: jobs serialised in the order pressed) and the hub desk (a few pages for concurrent desks). A
 * document whose page crashed, hung or whose browser died is retried once on a fresh page (and browser), so
 * a press is never lost to a crash; memory stays bounded by the pool size, the waiting line and page reuse.
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.documentTimeoutMs ?? 30_000;
  let browser: Promise<HeadlessChromium> | null = null;
  let running: HeadlessChromium | null = null;
  let launches = 0;
  let active = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const handedOut = new WeakSet<Page>();

  /** Forgets a browser that went away (killed, crashed) with its idle pages; the next document starts one. */
  function forget(gone: Promise<HeadlessChromium>): void {
    if (browser !== gone) return;
    browser = null;
    running = null;
    pool.discardIdle();
    void gone.then(
      (launched) => launched.close(),
      () => undefined,
    );
  }

  function startBrowser(): Promise<HeadlessChromium> {
    if (browser) return browser;
    launches++;
    const launching = launchHeadlessChromium(options).then((launched) => {
      running = launched;
      launched.context.once('close', () => forget(launching));
      return launched;
    });
    browser = launching;
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
    return launching;
  }

  /** A page of the running browser (started if needed); a browser found dead on the way is replaced once. */
  async function openPage(): Promise<Page> {
    for (let attempt = 1; ; attempt++) {
      const launching = startBrowser();
      const launched = await launching.catch(() => {
        throw new ChromiumUnavailable();
      });
      // The persistent context opens with one blank page: use it before opening more.
      const spare = launched.context.pages().find((page) => !handedOut.has(page) && !page.isClosed());
      try {
        const page = spare ?? (await launched.context.newPage());
        handedOut.add(page);
        return page;
      } catch (error) {
        forget(launching);
        if (attempt === 2) throw error;
      }
    }
  }

  const pool = new ResourcePool<Page>({
    size: options.pages ?? 1,
    maxWaiting: options.maxWaiting ?? 32,
    maxUses: options.maxUsesPerPage ?? 500,
    create: openPage,
    destroy: (page) => page.close().catch(() => undefined),
  });

  async function renderOn(page: Page, documentHtml: string, pageSize: PageSize): Promise<Buffer> {
    const { width, height } = PAGE_SIZES[pageSize];
    await page.setContent(documentHtml, { waitUntil: 'load', timeout: timeoutMs });
    return page.pdf({ width, height, printBackground: true });
  }

  async function closeBrowser(): Promise<void> {
    const current = browser;
    browser = null;
    running = null;
    pool.discardIdle();
    if (current) await (await current.catch(() => null))?.close();
  }

  function armIdleClose(): void {
    if (options.idleCloseMs === undefined || active > 0 || closed) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (active === 0) void closeBrowser();
    }, options.idleCloseMs);
    idleTimer.unref();
  }

  async function render(documentHtml: string, pageSize: PageSize): Promise<Result<Buffer, PdfFailure>> {
    active++;
    clearTimeout(idleTimer);
    try {
      const used = await pool.use(
        (page) => deadline(renderOn(page, documentHtml, pageSize), timeoutMs),
        // A crashed, hung or closed page (or browser): once more on a fresh one, keeping its turn.
        (error) => {
          options.logger?.warn('pdf.page_replaced', {
            error: error instanceof Error ? error.name : 'unknown',
          });
          return true;
        },
      );
      if (!used.ok) return err(used.error === 'busy' ? 'busy' : 'unavailable');
      return ok(used.value);
    } catch (error) {
      if (error instanceof ChromiumUnavailable) return err('unavailable');
      options.logger?.warn('pdf.render_failed', { error: error instanceof Error ? error.name : 'unknown' });
      return err('failed');
    } finally {
      active--;
      armIdleClose();
    }
  }

  return {
    async warm() {
      if (browser) return ok(undefined);
      const rendered = await render(WARM_DOCUMENT, 'A4');
      return rendered.ok ? ok(undefined) : rendered;
    },
    render,
    memory: () => (running ? processMemory(running.profileDir) : null),
    get profileDir() {
      return running?.profileDir ?? null;
    },
    get launches() {
      return launches;
    },
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      pool.close();
      await closeBrowser();
    },
  };
}
