/**
 * Money as readers type it and as Stripe wants it: a decimal string ("12.50") becomes an integer
 * of minor units (1250), exactly or not at all. Never parsed through floating point, so "0.1"
 * plus "0.2" problems and "5.001" rounding to 500 cannot happen.
 */
import type { SupportSettings } from './settings.js';

/** Digits after the decimal point for a currency (2 for usd, 0 for jpy, 3 for kwd). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const digits = minorDigits(currency);
  const value = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: Number.isInteger(value) ? 0 : digits }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}

/** The decimal string for a form field ("5.00" → "5", "12.5" stays). */
export function decimalOf(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  const fraction = minor % 10 ** digits;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, '0')}`;
}

export type AmountResult = { ok: true; minor: number } | { ok: false; problem: string };

/** The reader's amount in minor units, or a sentence saying what is wrong with it. */
export function parseAmount(input: string, support: Pick<SupportSettings, 'currency' | 'minimumAmount' | 'maximumAmount'>): AmountResult {
  const { currency } = support;
  const digits = minorDigits(currency);
  const min = formatMoney(support.minimumAmount, currency);
  const max = formatMoney(support.maximumAmount, currency);
  // A currency sign and thousands separators are what people type; nothing else is forgiven.
  const raw = input.trim().replace(/^[$€£¥₹]\s*/u, '').replace(/,(?=\d{3}(\D|$))/gu, '');
  if (raw === '') return { ok: false, problem: 'Choose an amount or enter your own.' };
  if (raw.startsWith('-')) return { ok: false, problem: `The amount must be more than zero (at least ${min}).` };
  if (raw.length > 24 || !/^\d+(\.\d*)?$|^\.\d+$/u.test(raw)) return { ok: false, problem: `"${input.trim().slice(0, 40)}" is not an amount. Enter a number such as ${decimalOf(support.minimumAmount * 5, currency)}.` };
  const [whole = '', fraction = ''] = raw.split('.');
  if (fraction.length > digits) {
    return { ok: false, problem: digits === 0 ? `Amounts in ${currency.toUpperCase()} are whole numbers.` : `Amounts can have at most ${digits} digits after the decimal point.` };
  }
  // Long digit strings are refused before they could lose precision as numbers.
  if (whole.replace(/^0+/u, '').length > 12) return { ok: false, problem: `The most you can give at once is ${max}.` };
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0) return { ok: false, problem: `The amount must be more than zero (at least ${min}).` };
  if (minor < support.minimumAmount) return { ok: false, problem: `The smallest amount is ${min}.` };
  if (minor > support.maximumAmount) return { ok: false, problem: `The most you can give at once is ${max}.` };
  return { ok: true, minor };
}
