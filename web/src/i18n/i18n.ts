import { useSyncExternalStore } from 'react';
import { en, type Messages } from './messages';
import { nl } from './nl';

/**
 * Dutch and English. The dictionaries are typed (a key missing in one language fails the type
 * check), texts take {name} parameters, numbers, dates and plurals come from Intl.
 */
export type Language = 'nl' | 'en';
export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;

const dictionaries: Record<Language, Messages> = { en, nl };
const STORAGE = 'spil.language';
let language: Language = initial();
const listeners = new Set<() => void>();

function initial(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE);
  if (stored === 'nl' || stored === 'en') {
    return stored;
  }
  const nav = typeof navigator === 'undefined' ? 'nl' : navigator.language;
  return nav.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function currentLanguage(): Language {
  return language;
}

/** Whether the person chose a language in this browser (then their directory language does not override it). */
export function languageChosen(): boolean {
  return localStorage.getItem(STORAGE) !== null;
}

export function setLanguage(next: Language, remember = true): void {
  if (remember) {
    localStorage.setItem(STORAGE, next);
  }
  if (next !== language) {
    language = next;
    document.documentElement.lang = next;
    listeners.forEach((l) => l());
  }
}

export function format(text: string, params?: Params): string {
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(key: MessageKey, params?: Params, lang: Language = language): string {
  return format(dictionaries[lang][key] ?? key, params);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language and its translate function; components re-render when it changes. */
export function useI18n(): { lang: Language; t: (key: MessageKey, params?: Params) => string } {
  const lang = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return { lang, t: (key, params) => translate(key, params, lang) };
}

export function locale(lang: Language = language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}
