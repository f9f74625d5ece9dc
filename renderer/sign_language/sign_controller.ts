import type { SignClipInfo } from '../../common/contract/sign_methods';
import type { Language } from '../../common/languages';
import type { SessionStore } from '../state/session_store';
import { SignKeyRegistry } from './sign_key_registry';

/** Playback speeds the panel offers: normal and two slower ones. */
export const SIGN_RATES = [1, 0.75, 0.5] as const;
export type SignRate = (typeof SIGN_RATES)[number];

export interface SignState {
  open: boolean;
  /** Clips of the screen's keys; null while they are looked up. */
  clips: ReadonlyMap<string, SignClipInfo> | null;
  /** The screen's own clip: its first `screen` key with a clip. */
  screenKey: string | null;
  /** The clip in the panel: the screen's, or that of the focused option. */
  shownKey: string | null;
  /** Bumped each time the shown clip should start from the beginning. */
  playRequest: number;
  /** The panel takes focus when it opens from a button press (not when sign-first opens it). */
  focusPanel: boolean;
  rate: SignRate;
  captionsOn: boolean;
}

export type SignLookup = (
  keys: readonly string[],
  language: Language,
) => Promise<readonly { key: string; clip: SignClipInfo }[]>;

const INITIAL: SignState = {
  open: false,
  clips: null,
  screenKey: null,
  shownKey: null,
  playRequest: 0,
  focusPanel: false,
  rate: 1,
  captionsOn: true,
};

/**
 * The sign-language panel's state for the whole app. A new screen closes the panel, unless the visitor chose
 * "sign language first": then it opens and plays the screen's clip (or says there is none). Speed and
 * captions hold for the session; session end returns everything to the start.
 */
export class SignController {
  readonly registry = new SignKeyRegistry();
  private state: SignState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private lookupSerial = 0;
  private opener: HTMLElement | null = null;
  /** Until the first lookup of a new screen: sign-first opens the panel once per screen, not on every change. */
  private screenFresh = true;
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly store: SessionStore,
    private readonly lookup: SignLookup,
  ) {
    // A screen is new when the app remounts it: same key as the app's <main> (the screen as JSON).
    let screen = JSON.stringify(store.getState().screen);
    let language = store.getState().settings.language;
    this.detach.push(
      store.subscribe(() => {
        const now = store.getState();
        if (JSON.stringify(now.screen) !== screen) {
          screen = JSON.stringify(now.screen);
          this.screenFresh = true;
          this.set({ open: false, clips: null, screenKey: null, shownKey: null, focusPanel: false });
        } else if (now.settings.language !== language) void this.refresh();
        language = now.settings.language;
      }),
      store.visitorData.register('sign-language panel: open, speed, captions', () => this.reset()),
      this.registry.subscribe(() => void this.refresh()),
    );
  }

  getState = (): SignState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    for (const undo of this.detach.splice(0)) undo();
  }

  private set(change: Partial<SignState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Looks up the registered keys; on a new screen, sign-first opens the panel and plays. */
  private async refresh(): Promise<void> {
    const serial = ++this.lookupSerial;
    const keys = this.registry.keys();
    let found: readonly { key: string; clip: SignClipInfo }[] = [];
    try {
      found = keys.length ? await this.lookup(keys, this.store.getState().settings.language) : [];
    } catch {
      found = [];
    }
    if (serial !== this.lookupSerial) return;
    const clips = new Map(found.map((entry) => [entry.key, entry.clip]));
    const screenKey = this.registry.keys('screen').find((key) => clips.has(key)) ?? null;
    const shownKey = this.state.shownKey && clips.has(this.state.shownKey) ? this.state.shownKey : screenKey;
    const autoOpen = this.screenFresh && keys.length > 0 && this.store.getState().settings.signFirst;
    if (keys.length > 0) this.screenFresh = false;
    this.set({
      clips,
      screenKey,
      shownKey,
      ...(autoOpen ? { open: true, shownKey: screenKey, playRequest: this.state.playRequest + 1 } : {}),
    });
  }

  /** The "手语" controls: open the panel on the screen's clip and play it, or close it. */
  toggle(opener: HTMLElement | null): void {
    if (this.state.open) {
      this.close();
      return;
    }
    this.opener = opener;
    this.set({
      open: true,
      shownKey: this.state.screenKey,
      playRequest: this.state.playRequest + 1,
      focusPanel: true,
    });
  }

  /** Closes the panel; focus returns to the control that opened it. */
  close(): void {
    const opener = this.opener;
    this.opener = null;
    this.set({ open: false, focusPanel: false });
    if (opener?.isConnected) opener.focus();
    else document.getElementById('screen-heading')?.focus();
  }

  panelFocused(): void {
    if (this.state.focusPanel) this.set({ focusPanel: false });
  }

  /** Focus moved to an element keyed to a clip (an option) or back to the heading: show and play that clip. */
  show(key: string | null): void {
    const target = key ?? this.state.screenKey;
    if (
      !this.state.open ||
      target === null ||
      target === this.state.shownKey ||
      !this.state.clips?.has(target)
    )
      return;
    this.set({ shownKey: target, playRequest: this.state.playRequest + 1 });
  }

  replay(): void {
    this.set({ playRequest: this.state.playRequest + 1 });
  }

  setRate(rate: SignRate): void {
    this.set({ rate });
  }

  setCaptions(captionsOn: boolean): void {
    this.set({ captionsOn });
  }

  private reset(): void {
    this.opener = null;
    this.lookupSerial++;
    this.set(INITIAL);
  }
}
