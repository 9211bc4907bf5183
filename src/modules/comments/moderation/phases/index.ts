/**
 * The moderation phases, in the order they run. Cheap and decisive first: a rejection stops the
 * pipeline, so length, a closed story, the reader's standing, the rate limits, a repeat and banned
 * words refuse a comment before anything else is asked; the phases that can only hold come after.
 * A new check is one file beside this one plus one line here.
 */
import type { Phase } from '../types.js';
import { bannedWords } from './banned-words.js';
import { lengthLimits } from './length.js';
import { linkLimit } from './link-limit.js';
import { newReader } from './new-reader.js';
import { premoderation } from './premoderation.js';
import { rateLimit } from './rate-limit.js';
import { readerStanding } from './reader-standing.js';
import { repeat } from './repeat.js';
import { storyClosed } from './story-closed.js';
import { suspectWords } from './suspect-words.js';

export const phases: Phase[] = [
  lengthLimits,
  storyClosed,
  readerStanding,
  rateLimit,
  repeat,
  bannedWords,
  suspectWords,
  linkLimit,
  newReader,
  premoderation,
];
