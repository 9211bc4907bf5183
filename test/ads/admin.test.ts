/** /admin/ads: admins only; create, edit, pause, delete; the report; bad input refused with a sentence and nothing stored. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PUBLIC_URL, engineName } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { staffCaller, userWithSession } from '../helpers/newsroom.js';
import { HOUR, START, addCreative, creativeForm, frameUrls, link, postCreative, shownCreative, startAdsApp, utc, type AdsFixture } from './helpers.js';

describe(`ads admin (${engineName()})`, () => {
  let fx: AdsFixture;
  before(async () => {
    fx = await startAdsApp();
  });
  after(() => fx?.app.destroy());

  const count = async () => Number((await fx.app.db.kysely.selectFrom('ad_creatives').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('is for admins only', async () => {
    const { token: readerToken } = await userWithSession(fx.app, { email: 'reader@example.org', name: 'Reader', role: 'reader' });
    const editor = await staffCaller(fx.app, 'editor');
    for (const url of ['/admin/ads', '/admin/ads/report', '/admin/ads/1']) {
      for (const cookie of [undefined, `scms_session=${readerToken}`]) {
        const response = await fx.app.http.inject({ url, headers: cookie ? { cookie } : {} });
        assert.equal(response.statusCode, 303, url);
        assert.match(String(response.headers.location), /^\/admin\/sign-in\?return=/u);
      }
      assert.equal((await editor.get(url)).statusCode, 403, `${url} as an editor`);
    }
    const asEditor = await fx.app.http.inject({
      method: 'POST',
      url: '/admin/ads',
      payload: creativeForm({ name: 'Sneaky' }),
      headers: { cookie: `scms_session=${editor.token}`, origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(asEditor.statusCode, 403);
    const crossSite = await fx.app.http.inject({
      method: 'POST',
      url: '/admin/ads',
      payload: creativeForm({ name: 'Forged' }),
      headers: { cookie: `scms_session=${fx.admin.token}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(crossSite.statusCode, 403);
    assert.equal(await count(), 0);
    const nav = parse((await fx.admin.get('/admin/ads')).body)('.admin-nav a[href="/admin/ads"]');
    assert.equal(nav.attr('aria-current'), 'page');
  });

  it('refuses bad input with a plain 400 and stores nothing', async () => {
    const cases: [Parameters<typeof creativeForm>[0], RegExp][] = [
      [{ name: 'A', startsAt: utc(START + HOUR), endsAt: utc(START) }, /The end must be after the start\./u],
      [{ name: 'A', startsAt: utc(START), endsAt: utc(START) }, /The end must be after the start\./u],
      [{ name: 'A', linkUrl: 'javascript:alert(1)' }, /The link must be a full web address starting with http:\/\/ or https:\/\//u],
      [{ name: 'A', linkUrl: 'not a url' }, /The link must be/u],
      [{ name: 'A', linkUrl: 'ftp://files.example/x' }, /The link must be/u],
      [{ name: 'A', weight: '0' }, /The weight must be a whole number from 1 to 100\./u],
      [{ name: 'A', weight: '101' }, /The weight must be/u],
      [{ name: 'A', weight: '2.5' }, /The weight must be/u],
      [{ name: 'A', weight: 'lots' }, /The weight must be/u],
      [{ name: '' }, /Give the creative a name/u],
      [{ name: 'A', imageUrl: 'https://elsewhere.example/banner.png' }, /The image address must be on this site/u],
      [{ name: 'A', imageUrl: '//elsewhere.example/banner.png' }, /The image address must be on this site/u],
      [{ name: 'A', imageUrl: '' }, /Choose an image/u],
      [{ name: 'A', imageUrl: '', mediaId: '999999' }, /no longer in the media library/u],
      [{ name: 'A', alt: ' ' }, /alt text/u],
      [{ name: 'A', startsAt: '2026-02-31T10:00' }, /Give the start as a date and time/u],
      [{ name: 'A', endsAt: 'tomorrow' }, /Give the end as a date and time/u],
      [{ name: 'A', sections: ['424242'] }, /does not exist/u],
    ];
    for (const [fields, message] of cases) {
      const response = await postCreative(fx, fields);
      assert.equal(response.statusCode, 400, JSON.stringify(fields));
      assert.match(response.headers['content-type'] as string, /text\/html/u);
      const $ = parse(response.body);
      assert.match($('.form-problem[role="alert"]').text(), message, JSON.stringify(fields));
      // The form comes back with what was typed.
      assert.equal($('#ad-name').attr('value'), fields.name);
    }
    assert.equal(await count(), 0);
  });

  it('creates, edits, pauses and deletes a creative, from a media library image', async () => {
    const media = await fx.app.db.kysely.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow();
    const list = parse((await fx.admin.get('/admin/ads')).body);
    assert.ok(list(`#ad-mediaId option[value="${media.id}"]`).length === 1, 'the media library is offered');
    const id = await addCreative(fx, { name: 'Library', imageUrl: '', mediaId: String(media.id), sections: [String(fx.first.section.id)] });
    const page = await fx.app.http.inject({ url: fx.first.path });
    const frame = (await fx.app.http.inject({ url: frameUrls(page.body)[0] ?? '' })).body;
    assert.equal(shownCreative(frame), id);
    const image = link(frame, /<a class="ad"[^>]*><img src="([^"]+)"/u);
    assert.match(image, new RegExp(`^/media/${media.id}/`, 'u'));
    assert.equal((await fx.app.http.inject({ url: image })).statusCode, 200);
    // The list shows each creative's image, the one the frames show.
    const listed = parse((await fx.admin.get('/admin/ads')).body);
    assert.equal(listed('img.ad-preview').attr('src'), image);
    assert.equal(listed('img.ad-preview').attr('alt'), 'Library image');

    const edit = parse((await fx.admin.get(`/admin/ads/${id}`)).body);
    assert.equal(edit('#ad-name').attr('value'), 'Library');
    assert.equal(edit(`input[name="sections"][value="${fx.first.section.id}"]`).attr('checked'), 'checked');
    const saved = await postCreative(fx, { name: 'Renamed', weight: '55', linkUrl: 'https://advertiser.example/new' }, `/admin/ads/${id}`);
    assert.equal(saved.statusCode, 303);
    const row = await fx.app.db.kysely.selectFrom('ad_creatives').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Renamed');
    assert.equal(Number(row.weight), 55);
    assert.equal(row.sections, '', 'no section ticked: every section');
    assert.equal((await postCreative(fx, { name: 'X', weight: '500' }, `/admin/ads/${id}`)).statusCode, 400);
    assert.equal((await fx.app.db.kysely.selectFrom('ad_creatives').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name, 'Renamed');

    assert.equal((await fx.admin.form(`/admin/ads/${id}/pause`, {})).statusCode, 303);
    const paused = (await fx.app.http.inject({ url: frameUrls((await fx.app.http.inject({ url: fx.first.path })).body)[0] ?? '' })).body;
    assert.equal(shownCreative(paused), null, 'paused: not shown');
    assert.match((await fx.admin.get('/admin/ads')).body, /Paused/u);
    assert.equal((await fx.admin.form(`/admin/ads/${id}/resume`, {})).statusCode, 303);

    assert.equal((await fx.admin.form(`/admin/ads/${id}/delete`, {})).statusCode, 400, 'not confirmed');
    assert.equal((await fx.admin.form(`/admin/ads/${id}/delete`, { confirm: '1' })).statusCode, 303);
    assert.equal(await count(), 0);
    for (const url of [`/admin/ads/${id}`, '/admin/ads/abc']) assert.equal((await fx.admin.get(url)).statusCode, 404, url);
    assert.equal((await fx.admin.form(`/admin/ads/${id}/pause`, {})).statusCode, 404);
  });

  it('reports impressions, clicks and CTR per creative per day, for a date range', async () => {
    const id = await addCreative(fx, { name: 'Reported' });
    const rows = [
      { creative_id: id, day: '2026-11-29', impressions: 200, clicks: 3 },
      { creative_id: id, day: '2026-11-30', impressions: 0, clicks: 0 },
      { creative_id: id, day: '2026-10-01', impressions: 50, clicks: 50 },
    ];
    await fx.app.db.kysely.insertInto('ad_stats').values(rows).execute();
    const report = parse((await fx.admin.get('/admin/ads/report?from=2026-11-01&to=2026-11-30')).body);
    const cells = report('tbody tr')
      .map((_, tr) => [report(tr).find('td').map((__, td) => report(td).text()).get()])
      .get() as string[][];
    assert.deepEqual(cells, [
      ['2026-11-30', 'Reported', '0', '0', '–'],
      ['2026-11-29', 'Reported', '200', '3', '1.50%'],
    ]);
    assert.match(report('caption').text(), /200 impressions, 3 clicks, click-through rate 1\.50%/u);
    for (const query of ['from=2026-11-30&to=2026-11-01', 'from=yesterday', 'from=2020-01-01&to=2026-11-30']) {
      const response = await fx.admin.get(`/admin/ads/report?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.ok(parse(response.body)('.form-problem').text().length > 0);
    }
  });
});
