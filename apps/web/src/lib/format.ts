/**
 * Dates and numbers as Vietnamese readers expect them (dd/MM/yyyy, 1.234,5), or en-GB in English.
 * Formatters are cached per language: Intl objects are costly to build in table cells.
 */
import { currentLanguage } from './i18n.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
}

function dateFormat(kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale()}|${kind}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(kind === 'dateTime' ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : {}),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    cache.set(key, f);
  }
  return f;
}

/** An ISO time as local Vietnam time, e.g. "14:05:09 01/03/2022" in Vietnamese. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat('dateTime').format(d);
}

/** A date (YYYY-MM-DD or ISO time) as dd/MM/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  // A bare date is a calendar day, not an instant: read it at noon so no time zone shifts the day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value);
  return Number.isNaN(d.getTime()) ? value : dateFormat('date').format(d);
}

export function formatNumber(n: number | null | undefined, fractionDigits = 0): string {
  if (n === null || n === undefined) return '';
  const key = `${locale()}|n${fractionDigits}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits });
    cache.set(key, f);
  }
  return f.format(n);
}
