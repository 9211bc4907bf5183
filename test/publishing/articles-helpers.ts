/** Kept for the tests that import it from here; the newsroom fixture lives in test/helpers/newsroom.ts. */
export { doc, para, START, startNewsroom, type Newsroom, type Who } from '../helpers/newsroom.js';
