/**
 * The moderation thresholds as publication settings (settings.comments.moderation): their schema,
 * which the settings module includes, and a newsroom's sensible starting values.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ModerationSettings } from './types.js';

/** Word lists stay small enough to build their matcher in a blink and to edit by hand. */
export const MAX_WORDS = 1000;
export const MAX_WORD_CHARS = 100;

const WordList = Type.Array(Type.String({ minLength: 1, maxLength: MAX_WORD_CHARS }), { maxItems: MAX_WORDS });

export const ModerationSettingsSchema = Type.Object({
  minLength: Type.Integer({ minimum: 0, maximum: 1000 }),
  // The comments module refuses anything over 20,000 characters before moderation starts.
  maxLength: Type.Integer({ minimum: 1, maximum: 20_000 }),
  maxLinks: Type.Integer({ minimum: 0, maximum: 100 }),
  bannedWords: WordList,
  suspectWords: WordList,
  newReaderApprovals: Type.Integer({ minimum: 0, maximum: 100 }),
  repeatWindowMinutes: Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 }),
  perReaderPerMinute: Type.Integer({ minimum: 0, maximum: 1000 }),
  perAddressPerMinute: Type.Integer({ minimum: 0, maximum: 10_000 }),
});

// The schema and the contract in types.ts must describe the same thing: this fails to compile if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesContract: Same<Static<typeof ModerationSettingsSchema>, ModerationSettings> = true;
void schemaMatchesContract;

export const defaultModerationSettings: ModerationSettings = {
  minLength: 2,
  maxLength: 5000,
  // Links are how spam spreads: a comment with more than two waits for a moderator.
  maxLinks: 2,
  bannedWords: [],
  suspectWords: [],
  // A reader's first comment is read by a person; after one approval they post directly.
  newReaderApprovals: 1,
  repeatWindowMinutes: 60,
  perReaderPerMinute: 5,
  // Higher than per reader: a newsroom, a school or a mobile carrier puts many readers behind one address.
  perAddressPerMinute: 20,
};
