import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE, type Language } from '../../common/languages';
import {
  DEFAULT_RATE_STEP,
  DEFAULT_VOLUME_STEP,
  RATE_STEPS,
  VOLUME_STEPS,
} from '../../common/speech/speech_tables';
import { TEXT_SIZE_IDS, type TextSizeId } from '../a11y/text_sizes';
import { THEME_IDS, type ThemeId } from '../a11y/themes';
import type { Screen } from './screens';
import { VisitorData } from './visitor_data';

export interface Settings {
  language: Language;
  theme: ThemeId;
  textSize: TextSizeId;
  speechOn: boolean;
  /** Index into the speech rate table (`common/speech/speech_tables.ts`). */
  rateStep: number;
  /** Index into the speech volume table. */
  volumeStep: number;
  /** 长辈版: largest text, fewest choices per screen, speech on. */
  elderMode: boolean;
  /** 手语优先: each screen opens its sign-language clip and plays it (renderer/sign_language). */
  signFirst: boolean;
}

/** Visitor sessions time out; staff mode (issue 9) will set `staff` and is exempt from the idle timeout. */
export type SessionMode = 'visitor' | 'staff';

export interface SessionState {
  settings: Settings;
  screen: Screen;
  /** Screens to return to with Back, most recent last. */
  history: readonly Screen[];
  mode: SessionMode;
  /** Counts sessions; the app keys its screen tree on it so a new session starts with fresh components. */
  sessionNumber: number;
}

export const FACTORY_SETTINGS: Settings = {
  language: DEFAULT_LANGUAGE,
  theme: 'default',
  textSize: 'M',
  speechOn: false,
  rateStep: DEFAULT_RATE_STEP,
  volumeStep: DEFAULT_VOLUME_STEP,
  elderMode: false,
  signFirst: false,
};

const HISTORY_LIMIT = 30;
const HOME: Screen = { name: 'home' };

function next<T>(values: readonly T[], current: T, step: 1 | -1, wrap: boolean): T {
  const index = values.indexOf(current) + step;
  if (wrap) return values[(index + values.length) % values.length]!;
  return values[Math.min(values.length - 1, Math.max(0, index))]!;
}

function clampIndex(index: number, table: readonly unknown[]): number {
  return Math.min(table.length - 1, Math.max(0, index));
}

/**
 * The visitor's session: settings, where they are and how they got there. `reset` (session end) wipes every
 * holder of visitor data listed in `visitorData` (drafts, speech, staff mode, …), then returns everything here
 * to the terminal's defaults, so nothing of one visitor survives into the next.
 */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly defaults: Settings;

  constructor(
    defaults: Partial<Settings> = FACTORY_SETTINGS,
    readonly visitorData: VisitorData = new VisitorData(),
  ) {
    this.defaults = { ...FACTORY_SETTINGS, ...defaults };
    this.state = this.freshState(0);
  }

  private freshState(sessionNumber: number): SessionState {
    return { settings: { ...this.defaults }, screen: HOME, history: [], mode: 'visitor', sessionNumber };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<SessionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private updateSettings(change: Partial<Settings>): void {
    this.update({ settings: { ...this.state.settings, ...change } });
  }

  setLanguage(language: Language): void {
    this.updateSettings({ language });
  }

  setTheme(theme: ThemeId): void {
    this.updateSettings({ theme });
  }

  cycleTheme(): void {
    this.updateSettings({ theme: next(THEME_IDS, this.state.settings.theme, 1, true) });
  }

  setTextSize(textSize: TextSizeId): void {
    this.updateSettings({ textSize });
  }

  changeTextSize(step: 1 | -1): void {
    this.updateSettings({ textSize: next(TEXT_SIZE_IDS, this.state.settings.textSize, step, false) });
  }

  setSpeech(speechOn: boolean): void {
    this.updateSettings({ speechOn });
  }

  toggleSpeech(): void {
    this.updateSettings({ speechOn: !this.state.settings.speechOn });
  }

  changeRate(step: 1 | -1): void {
    this.updateSettings({ rateStep: clampIndex(this.state.settings.rateStep + step, RATE_STEPS) });
  }

  changeVolume(step: 1 | -1): void {
    this.updateSettings({ volumeStep: clampIndex(this.state.settings.volumeStep + step, VOLUME_STEPS) });
  }

  /** 长辈版: largest text, simplest layout, speech on. Leaving it keeps the size (the visitor can change it). */
  setElderMode(on: boolean): void {
    this.updateSettings(
      on
        ? { elderMode: true, textSize: TEXT_SIZE_IDS[TEXT_SIZE_IDS.length - 1]!, speechOn: true }
        : { elderMode: false },
    );
  }

  setSignFirst(signFirst: boolean): void {
    this.updateSettings({ signFirst });
  }

  /** Goes to a screen; Back returns to the one we came from. Going home starts the history afresh. */
  navigate(screen: Screen): void {
    if (screen.name === 'home') {
      this.update({ screen, history: [] });
      return;
    }
    if (JSON.stringify(screen) === JSON.stringify(this.state.screen)) return;
    this.update({ screen, history: [...this.state.history, this.state.screen].slice(-HISTORY_LIMIT) });
  }

  /** Returns to the previous screen; false when already at the start (home). */
  back(): boolean {
    const previous = this.state.history.at(-1);
    if (!previous) return false;
    this.update({ screen: previous, history: this.state.history.slice(0, -1) });
    return true;
  }

  setMode(mode: SessionMode): void {
    this.update({ mode });
  }

  /**
   * Ends the session: the holders of visitor data wipe first (so a holder can still read the state, e.g. staff
   * mode), then screen, history and settings return to the terminal defaults.
   */
  reset(): void {
    this.visitorData.wipeAll();
    this.state = this.freshState(this.state.sessionNumber + 1);
    for (const listener of this.listeners) listener();
  }

  /** The visitor pressed "finish" or the idle countdown ran out. */
  endSession(): void {
    this.reset();
  }
}

export function useSession<T>(store: SessionStore, select: (state: SessionState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
