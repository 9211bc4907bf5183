/** Kept for the tests that import it from here; the helpers live in test/helpers/newsroom.ts. */
export { PASSWORD, callerWithCookie, keyCaller, signIn, staffCaller, type Caller } from '../helpers/newsroom.js';
