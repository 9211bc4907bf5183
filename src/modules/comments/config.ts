/**
 * The comment settings this module reads, from the publication settings (whose comments group
 * carries every key, filled with defaults for data stored before a key existed).
 */
import type { PublicationSettings } from '../settings/service.js';
import type { ModerationSettings } from './moderation/types.js';

export interface CommentSettings {
  openByDefault: boolean;
  autoCloseDays: number;
  preModeration: boolean;
  editWindowMinutes: number;
  moderation: ModerationSettings;
}

export function commentSettings(settings: PublicationSettings): CommentSettings {
  const { openByDefault, autoCloseDays, preModeration, editWindowMinutes, moderation } = settings.comments;
  return { openByDefault, autoCloseDays, preModeration, editWindowMinutes, moderation };
}
