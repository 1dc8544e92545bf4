import { currentLanguage, locale, type Language } from './i18n';

/** Times and days as people read them, always in the site's zone (not the browser's). */
export function formatTime(iso: string, zone: string, lang: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

export function formatDay(iso: string, zone: string, lang: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone })
    .format(new Date(iso));
}

export function formatDateTime(iso: string, zone?: string, lang: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone,
  }).format(new Date(iso));
}

/** A plain date (YYYY-MM-DD) in words: "maandag 29 maart". */
export function formatPlainDate(date: string, lang: Language = currentLanguage()): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

export interface Money {
  amountCents: number;
  currency: string;
}

/** Integer cents shown as money; never computed in floating point beyond the final division. */
export function formatMoney(m: Money, lang: Language = currentLanguage()): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: m.currency }).format(m.amountCents / 100);
}

export function formatNumber(n: number, lang: Language = currentLanguage()): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** "12,50" or "12.50" typed by a person → integer cents, or null when it is not an amount. */
export function parseCents(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) {
    return null;
  }
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
  return Number(m[1]) * 100 + cents;
}
