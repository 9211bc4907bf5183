/** Kept for the tests that import it from here; the helpers live in test/helpers/newsroom.ts. */
export { PASSWORD, apiClient, browser, doc, keyFor, publishArticle, sessionFor, type Json } from '../helpers/newsroom.js';
