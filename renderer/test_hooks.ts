import type { TerminalInfo } from '../common/contract/system_methods';

/**
 * Whether this page may put debugging handles (speech log, call stats) on `window` for e2e tests: only when
 * the core was started for tests (dev host with KIOSK_TEST_HOOKS=1) and the page was opened with `?e2e`.
 * The Electron shell never enables them, so a visitor's data is never reachable from the page's globals.
 */
export function testHooksEnabled(terminal: TerminalInfo): boolean {
  return terminal.testHooks === true && new URLSearchParams(window.location.search).has('e2e');
}
