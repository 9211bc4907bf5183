/**
 * Reader support as publication settings (settings.support): the pitch's words, the currency,
 * the preset amounts and the smallest and largest gift. Amounts are in minor units (cents).
 */
import { Type, type Static } from '@sinclair/typebox';

export const SupportSettingsSchema = Type.Object({
  /** ISO 4217, lower case as Stripe writes it ("usd", "eur"). */
  currency: Type.String({ pattern: '^[a-z]{3}$' }),
  /** Buttons on /support, smallest first, in minor units. */
  presets: Type.Array(Type.Integer({ minimum: 1, maximum: 100_000_000 }), { minItems: 1, maxItems: 6 }),
  minimumAmount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  maximumAmount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  pitchHeading: Type.String({ minLength: 1, maxLength: 120 }),
  pitchText: Type.String({ minLength: 1, maxLength: 600 }),
  /** Supporters see no ad slots. */
  adFreeForSupporters: Type.Boolean(),
});
export type SupportSettings = Static<typeof SupportSettingsSchema>;

export const defaultSupportSettings: SupportSettings = {
  currency: 'usd',
  presets: [500, 1000, 2500],
  minimumAmount: 100,
  maximumAmount: 1_000_000,
  pitchHeading: 'Support {name}',
  pitchText:
    'Independent local reporting depends on readers like you. If you value this work, support us today for as little as $1. It takes a minute, and it keeps our journalism free for everyone.',
  adFreeForSupporters: false,
};
