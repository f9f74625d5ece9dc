import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE, type Language } from '../../common/languages';
import { TEXT_SIZE_IDS, type TextSizeId } from '../a11y/text_sizes';
import { THEME_IDS, type ThemeId } from '../a11y/themes';
import type { Screen } from './screens';

export interface Settings {
  language: Language;
  theme: ThemeId;
  textSize: TextSizeId;
  speechOn: boolean;
}

export interface SessionState {
  settings: Settings;
  screen: Screen;
}

export const FACTORY_SETTINGS: Settings = {
  language: DEFAULT_LANGUAGE,
  theme: 'default',
  textSize: 'M',
  speechOn: false,
};

function next<T>(values: readonly T[], current: T, step: 1 | -1, wrap: boolean): T {
  const index = values.indexOf(current) + step;
  if (wrap) return values[(index + values.length) % values.length]!;
  return values[Math.min(values.length - 1, Math.max(0, index))]!;
}

/**
 * The visitor's session: settings and where they are. One store; `reset` returns everything to the
 * terminal's defaults (session end), so nothing of one visitor survives into the next.
 */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly defaults: Settings = FACTORY_SETTINGS) {
    this.state = { settings: { ...defaults }, screen: { name: 'home' } };
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

  cycleTheme(): void {
    this.updateSettings({ theme: next(THEME_IDS, this.state.settings.theme, 1, true) });
  }

  changeTextSize(step: 1 | -1): void {
    this.updateSettings({ textSize: next(TEXT_SIZE_IDS, this.state.settings.textSize, step, false) });
  }

  toggleSpeech(): void {
    this.updateSettings({ speechOn: !this.state.settings.speechOn });
  }

  navigate(screen: Screen): void {
    this.update({ screen });
  }

  reset(): void {
    this.state = { settings: { ...this.defaults }, screen: { name: 'home' } };
    for (const listener of this.listeners) listener();
  }
}

export function useSession<T>(store: SessionStore, select: (state: SessionState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
