import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { callerWithCookie, startNewsroom, type Caller } from '../helpers/newsroom.js';
import { defaultSettings } from '../../src/modules/settings/service.js';

describe('settings admin', () => {
  let app: TestApp;
  let admin: Caller;
  let editor: Caller;
  before(async () => {
    const n = await startNewsroom({ sections: {}, authors: {}, people: { admin: 'admin', editor: 'editor' } });
    app = n.app;
    admin = n.as('admin');
    editor = n.as('editor');
  });
  after(() => app.destroy());

  it('saves through the API, purges every cached page and writes the audit log', async () => {
    const first = await app.http.inject({ method: 'GET', url: '/' });
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /StructureCMS/u);
    await app.http.inject({ method: 'GET', url: '/' }); // now served from the page cache
    const response = await admin.api('PATCH', '/api/admin/settings', { name: 'The Harbour Gazette', comments: { preModeration: true } });
    assert.equal(response.statusCode, 200, response.body);
    const saved = response.json<{ name: string; comments: { openByDefault: boolean; autoCloseDays: number; preModeration: boolean } }>();
    assert.equal(saved.name, 'The Harbour Gazette');
    assert.deepEqual(saved.comments, { ...defaultSettings.comments, preModeration: true }, 'other comment defaults kept');
    const front = await app.http.inject({ method: 'GET', url: '/' });
    assert.match(front.body, /The Harbour Gazette/u, 'the cached front page was purged');
    const [entry] = await app.audit.list({ subjectType: 'settings' });
    assert.equal(entry?.action, 'settings.update');
    assert.deepEqual(entry?.detail, { changed: ['name', 'comments'] });
    assert.equal(entry?.actor.label, 'Admin Person');
    const read = await admin.api('GET', '/api/admin/settings');
    assert.equal(read.json<{ name: string }>().name, 'The Harbour Gazette');
  });

  it('refuses bad values with 400 and the field', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /unknown time zone/u],
      [{ accentColor: 'red' }, 'accentColor', /accentColor: is not in the expected format/u],
      [{ name: '' }, 'name', /^name: must have at least 1 character$/u],
      [{ comments: { autoCloseDays: 4000 } }, 'comments.autoCloseDays', /must be at most 3650/u],
      [{ pageSize: 'many' }, 'pageSize', /must be a whole number/u],
      [{ logoMediaId: 999 }, 'logoMediaId', /no image/u],
      [{ locale: 'not a locale!' }, 'locale', /language tag/u],
      [{ support: { minimumAmount: 5000, maximumAmount: 100 } }, 'support.minimumAmount', /smallest amount/u],
      [{ support: { presets: [50] } }, 'support.presets.0', /between the smallest and the largest/u],
      [{ support: { currency: 'dollars' } }, 'support.currency', /.+/u],
      [{ ads: { source: 'thirdParty' } }, 'ads.thirdPartyScript', /give the ad tag/u],
      [{ privacy: { consentBanner: 'always' } }, 'privacy.consentBanner', /.+/u],
      [{}, 'body', /.+/u],
    ];
    for (const [body, field, message] of cases) {
      const response = await admin.api('PATCH', '/api/admin/settings', body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      const problem = response.json<{ error: string; field: string }>();
      assert.equal(problem.field, field, JSON.stringify(body));
      assert.match(problem.error, message);
    }
    assert.equal(app.settings.get().timeZone, 'UTC', 'nothing was saved');
  });

  it('has a settings page whose form saves', async () => {
    const page = await admin.get('/admin/settings');
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    const fields: Record<string, string> = {};
    $('form[action="/admin/settings"] input').each((_, el) => {
      const input = $(el);
      const name = input.attr('name');
      if (!name) return;
      if (input.attr('type') === 'checkbox') {
        if (input.attr('checked') !== undefined) fields[name] = 'on';
      } else fields[name] = input.attr('value') ?? '';
    });
    $('form[action="/admin/settings"] select').each((_, el) => {
      const select = $(el);
      fields[select.attr('name') ?? ''] = select.find('option[selected]').attr('value') ?? '';
    });
    assert.equal(fields.timeZone, 'UTC');
    assert.equal(fields['support.presets'], '5, 10, 25', 'amounts shown in dollars, not cents');
    assert.equal(fields['ads.source'], 'house');
    const money = await admin.form('/admin/settings', {
      ...fields,
      'support.currency': 'eur',
      'support.presets': '3, 10.50, 50',
      'support.minimumAmount': '2',
      'privacy.consentBanner': 'euUk',
      'newsletters.briefingHour': '',
    });
    assert.equal(money.statusCode, 303);
    assert.equal(app.settings.get().support.currency, 'eur');
    assert.deepEqual(app.settings.get().support.presets, [300, 1050, 5000]);
    assert.equal(app.settings.get().support.minimumAmount, 200);
    assert.equal(app.settings.get().privacy.consentBanner, 'euUk');
    assert.equal(app.settings.get().newsletters.briefingHour, null);
    for (const [name, value, message] of [
      ['support.presets', '10.555', /support\.presets/u],
      ['support.minimumAmount', '-1', /support\.minimumAmount/u],
      ['support.currency', 'XYZ', /not a currency/u],
      ['ads.thirdPartyScript', 'http://ads.example/tag.js', /https address/u],
      ['privacy.consentBanner', 'sometimes', /privacy\.consentBanner/u],
    ] as const) {
      const refused = await admin.form('/admin/settings', { ...fields, [name]: value });
      assert.equal(refused.statusCode, 400, `${name}=${value}`);
      assert.match(refused.body, message);
    }
    assert.deepEqual(app.settings.get().support.presets, [300, 1050, 5000], 'nothing refused was saved');
    const saved = await admin.form('/admin/settings', { ...fields, timeZone: 'Europe/Lisbon', 'comments.autoCloseDays': '30' });
    assert.equal(saved.statusCode, 303);
    assert.equal(app.settings.get().timeZone, 'Europe/Lisbon');
    assert.equal(app.settings.get().comments.autoCloseDays, 30);
    assert.equal(app.settings.get().comments.preModeration, true, 'a ticked box stays ticked');
    const bad = await admin.form('/admin/settings', { ...fields, timeZone: 'Nowhere/Else' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /unknown time zone/u);
  });

  it('is for admins only', async () => {
    assert.equal((await editor.api('GET', '/api/admin/settings')).statusCode, 403);
    assert.equal((await editor.api('PATCH', '/api/admin/settings', { name: 'Editor Times' })).statusCode, 403);
    assert.equal((await editor.get('/admin/settings')).statusCode, 403);
    const anonymous = callerWithCookie(app, '');
    assert.equal((await anonymous.api('GET', '/api/admin/settings')).statusCode, 401);
    assert.equal((await anonymous.api('PATCH', '/api/admin/settings', { name: 'X' })).statusCode, 401);
    const page = await anonymous.get('/admin/settings');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /^\/admin\/sign-in/u);
    assert.notEqual(app.settings.get().name, 'Editor Times');
  });
});
