/**
 * Newsletters as publication settings (settings.newsletters): when the daily briefing goes out
 * (in the publication's time zone) and how many recipients one job sends to.
 */
import { Type, type Static } from '@sinclair/typebox';

export const NewsletterSettingsSchema = Type.Object({
  /** Hour of the day (0–23, publication time zone) the daily briefing is sent; null: sent by hand only. */
  briefingHour: Type.Union([Type.Integer({ minimum: 0, maximum: 23 }), Type.Null()]),
  batchSize: Type.Integer({ minimum: 1, maximum: 1000 }),
});
export type NewsletterSettings = Static<typeof NewsletterSettingsSchema>;

export const defaultNewsletterSettings: NewsletterSettings = {
  briefingHour: 7,
  batchSize: 100,
};
