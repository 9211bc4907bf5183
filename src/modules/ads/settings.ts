/**
 * Ads as publication settings (settings.ads): whether house ads fill the slots, how often one
 * visitor may see the same creative, what an empty slot does, and a third-party ad tag.
 */
import { Type, type Static } from '@sinclair/typebox';

export const AdsSettingsSchema = Type.Object({
  /** house: creatives from the admin; thirdParty: the tag below; off: no slots at all. */
  source: Type.Union([Type.Literal('house'), Type.Literal('thirdParty'), Type.Literal('off')]),
  /** Impressions of one creative per visitor per day (0: no cap). */
  frequencyCap: Type.Integer({ minimum: 0, maximum: 1000 }),
  /** An unfilled slot keeps its reserved space, or takes none from the first render on. */
  emptySlots: Type.Union([Type.Literal('reserve'), Type.Literal('collapse')]),
  /** The third-party tag's script, an https URL; empty: none. */
  thirdPartyScript: Type.String({ maxLength: 500 }),
});
export type AdsSettings = Static<typeof AdsSettingsSchema>;

export const defaultAdsSettings: AdsSettings = {
  source: 'house',
  frequencyCap: 3,
  emptySlots: 'reserve',
  thirdPartyScript: '',
};
