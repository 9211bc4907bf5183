/**
 * The settings form as a patch. Numbers that are not numbers become NaN and fail the settings
 * service's validation with their field's name; money is typed in the currency's own units
 * ("12.50") and stored in minor units (1250), as payments are.
 */
import type { SettingsPatch } from '../settings/service.js';
import { minorDigits } from '../revenue/amount.js';

/** "12.50" → 1250; NaN for anything that is not a plain amount with at most the currency's digits. */
export function toMinor(raw: string, currency: string): number {
  const digits = minorDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d+))?$/u.exec(raw.trim().replace(/,/gu, ''));
  if (!match) return Number.NaN;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return Number.NaN;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function settingsFromForm(form: Record<string, string | undefined>): SettingsPatch {
  const text = (name: string) => (form[name] ?? '').trim();
  const num = (name: string) => (text(name) === '' ? Number.NaN : Number(text(name)));
  const logo = text('logoMediaId');
  const currency = text('support.currency').toLowerCase();
  const briefingHour = text('newsletters.briefingHour');
  return {
    name: text('name'),
    tagline: text('tagline'),
    description: text('description'),
    logoMediaId: logo === '' ? null : Number(logo),
    accentColor: text('accentColor'),
    locale: text('locale'),
    timeZone: text('timeZone'),
    pageSize: num('pageSize'),
    adRule: { everyParagraphs: num('adRule.everyParagraphs'), notBeforeParagraph: num('adRule.notBeforeParagraph'), maxSlots: num('adRule.maxSlots') },
    comments: { openByDefault: form['comments.openByDefault'] === 'on', autoCloseDays: num('comments.autoCloseDays'), preModeration: form['comments.preModeration'] === 'on' },
    ads: {
      source: text('ads.source') as 'house',
      frequencyCap: num('ads.frequencyCap'),
      emptySlots: text('ads.emptySlots') as 'reserve',
      thirdPartyScript: text('ads.thirdPartyScript'),
    },
    support: {
      currency,
      presets: text('support.presets')
        .split(/[,\s]+/u)
        .filter(Boolean)
        .map((amount) => toMinor(amount, currency)),
      minimumAmount: toMinor(text('support.minimumAmount'), currency),
      maximumAmount: toMinor(text('support.maximumAmount'), currency),
      pitchHeading: text('support.pitchHeading'),
      pitchText: text('support.pitchText'),
      adFreeForSupporters: form['support.adFreeForSupporters'] === 'on',
    },
    newsletters: { briefingHour: briefingHour === '' ? null : Number(briefingHour), batchSize: num('newsletters.batchSize') },
    privacy: { consentBanner: text('privacy.consentBanner') as 'off', deletedComments: text('privacy.deletedComments') as 'anonymise' },
  };
}
