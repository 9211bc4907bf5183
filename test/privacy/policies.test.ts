/** Versioned policies: the Privacy Policy and Terms of Use say which version is in effect, and since when. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { browser, reader } from './helpers.js';

describe('versioned policies', () => {
  let app: TestApp;
  const savedAt = Date.parse('2026-10-05T12:00:00Z');
  before(async () => {
    app = await startTestApp();
    const page = (slug: string, title: string, version: number) => ({
      slug,
      title,
      body: JSON.stringify({ type: 'doc', content: [] }),
      rendered_body: JSON.stringify([{ kind: 'paragraph', html: `<p>${title} text.</p>` }]),
      updated_at: savedAt,
      version,
    });
    await app.db.kysely.insertInto('pages').values([page('privacy-policy', 'Privacy Policy', 3), page('terms-of-use', 'Terms of Use', 2), page('about', 'About us', 7)]).execute();
  });
  after(() => app.destroy());

  it('shows "Version N · in effect since <date>" on the Privacy Policy and the Terms of Use', async () => {
    const privacy = parse((await browser(app).get('/privacy-policy')).body);
    assert.match(privacy('.page-version').text(), /^Version 3 · in effect since .*2026/u);
    const terms = parse((await browser(app).get('/terms-of-use')).body);
    assert.match(terms('.page-version').text(), /^Version 2 · in effect since /u);
    const about = parse((await browser(app).get('/about')).body);
    assert.equal(about('.page-version').length, 0, 'other pages keep "Last updated"');
    assert.match(about('.page-updated').text(), /Last updated/u);
  });

  it('the account page shows the versions the reader accepted', async () => {
    const rae = await reader(app, 'rae@example.org');
    await app.db.kysely.insertInto('reader_consents').values({ user_id: rae.id, terms_version: 2, privacy_version: 3, consented_at: savedAt }).execute();
    const facts = parse((await browser(app, { token: rae.token }).get('/account')).body)('.account-facts').text();
    assert.match(facts, /Terms of Use \(version 2\)/u);
    assert.match(facts, /Privacy Policy \(version 3\)/u);
  });
});
