import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body built by hand, so the declared type can lie. */
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----scmsTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photo = (width = 640, height = 360, format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .toFormat(format)
    .toBuffer();

/** Left half red, right half blue: a crop around the focal point shows which half it kept. */
async function twoHalves(): Promise<Buffer> {
  const half = (colour: string) => sharp({ create: { width: 800, height: 900, channels: 3, background: colour } }).png().toBuffer();
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: '#000' } })
    .composite([
      { input: await half('#ff0000'), left: 0, top: 0 },
      { input: await half('#0000ff'), left: 800, top: 0 },
    ])
    .png()
    .toBuffer();
}

async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('media library over HTTP', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  let editorKey = '';
  let contributorKey = '';

  before(async () => {
    app = await startTestApp();
    for (const [name, role] of [
      ['carla', 'contributor'],
      ['colin', 'contributor'],
      ['eddie', 'editor'],
    ] as const) {
      const user = await app.accounts.createUser({ email: `${name}@example.org`, password: 'a long enough password', role, name });
      cookies[name] = `scms_session=${await app.accounts.createSession(user.id, 'test')}`;
    }
    editorKey = (await app.accounts.createKey({ name: 'Desk', role: 'editor' })).key;
    contributorKey = (await app.accounts.createKey({ name: 'Wire', role: 'contributor' })).key;
  });
  after(() => app.destroy());

  const upload = (parts: Part[], auth: { cookie?: string; key?: string } = { key: editorKey }, url = '/api/admin/media') => {
    const body = multipart(parts);
    return app.http.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, ...(auth.cookie ? { cookie: auth.cookie, origin: PUBLIC_URL } : {}), ...(auth.key ? { authorization: `Bearer ${auth.key}` } : {}) },
    });
  };
  const file = (value: Buffer, type = 'image/jpeg', filename = 'photo.jpg'): Part => ({ name: 'file', value, filename, type });
  const api = (method: 'GET' | 'PATCH' | 'DELETE', url: string, auth: { cookie?: string; key?: string } = { key: editorKey }, payload?: object) =>
    app.http.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(auth.cookie ? { cookie: auth.cookie, origin: PUBLIC_URL } : {}), ...(auth.key ? { authorization: `Bearer ${auth.key}` } : {}) },
    });

  it('uploads JPEG, PNG, WebP, AVIF and GIF with their texts and serves the variants', async () => {
    const response = await upload([
      { name: 'alt', value: 'A blue wall' },
      { name: 'caption', value: 'The wall at dawn' },
      { name: 'credit', value: 'Photo: Ana Lens' },
      { name: 'focalX', value: '0.25' },
      { name: 'focalY', value: '0.75' },
      file(await photo()),
    ]);
    assert.equal(response.statusCode, 201, response.body);
    const item = response.json();
    assert.equal(item.alt, 'A blue wall');
    assert.equal(item.caption, 'The wall at dawn');
    assert.equal(item.credit, 'Photo: Ana Lens');
    assert.deepEqual([item.width, item.height], [640, 360]);
    assert.deepEqual(item.focal, { x: 0.25, y: 0.75 });
    assert.equal(item.needsAlt, false);
    for (const url of [item.url, item.thumbnailUrl]) {
      const variant = await app.http.inject({ method: 'GET', url });
      assert.equal(variant.statusCode, 200, url);
      assert.match(String(variant.headers['content-type']), /^image\//u);
    }
    for (const [format, mime] of [
      ['png', 'image/png'],
      ['webp', 'image/webp'],
      ['avif', 'image/avif'],
      ['gif', 'image/gif'],
    ] as const) {
      // Declared as octet-stream: the content decides.
      const other = await upload([file(await photo(64, 48, format), 'application/octet-stream', `x.${format}`)]);
      assert.equal(other.statusCode, 201, `${format}: ${other.body}`);
      assert.equal(other.json().mime, mime);
      assert.equal(other.json().needsAlt, true);
    }
  });

  it('refuses bad files quickly with a clear 4xx', async () => {
    const jpeg = await photo();
    const cases: [string, Part[], number, RegExp][] = [
      ['mismatched type', [file(await photo(64, 48, 'png'), 'image/jpeg', 'really-a-png.jpg')], 400, /says it is image\/jpeg, but its content is image\/png/u],
      ['SVG', [file(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/png', 'logo.png')], 400, /SVG images are not accepted/u],
      ['text', [file(Buffer.from('hello, this is not a picture at all'), 'image/jpeg')], 400, /not an image we can read/u],
      ['truncated', [file(jpeg.subarray(0, Math.floor(jpeg.length / 2)))], 400, /damaged or incomplete/u],
      ['empty', [file(Buffer.alloc(0))], 400, /empty/u],
      ['no file', [{ name: 'alt', value: 'x' }], 400, /No file/u],
      ['two files', [file(jpeg), file(jpeg)], 400, /one file/u],
      ['focal out of range', [{ name: 'focalX', value: '7' }, file(jpeg)], 400, /focalX must be a number from 0 to 1/u],
    ];
    for (const [name, parts, status, message] of cases) {
      const response = await upload(parts);
      assert.equal(response.statusCode, status, `${name}: ${response.body}`);
      assert.match(response.json().error, message, name);
    }
    // A tiny PNG whose header claims 50,000 × 50,000 pixels: refused from the header alone.
    const started = performance.now();
    const bomb = await upload([file(await pngClaiming(50_000, 50_000), 'image/png', 'bomb.png')]);
    assert.equal(bomb.statusCode, 413);
    assert.match(bomb.json().error, /50000×50000 pixels/u);
    assert.ok(performance.now() - started < 3000, 'refused quickly');
    // Over 20 MB: by Content-Length before reading, and by the multipart byte limit.
    const huge = await upload([file(Buffer.alloc(21 * 1024 * 1024, 1))]);
    assert.equal(huge.statusCode, 413);
    assert.match(huge.json().error, /larger than 20 MB/u);
    const justOver = await upload([file(Buffer.alloc(20 * 1024 * 1024 + 10, 1))]);
    assert.equal(justOver.statusCode, 413);
    const json = await app.http.inject({ method: 'POST', url: '/api/admin/media', payload: { file: 'x' }, headers: { authorization: `Bearer ${editorKey}` } });
    assert.equal(json.statusCode, 415);
    const total = Number((await app.db.kysely.selectFrom('media').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(total, 5, 'nothing refused was stored');
  });

  it('searches captions, credits, alt text and file names, newest first, with a keyset cursor', async () => {
    for (const [caption, credit, name] of [
      ['Harbour at night', 'Photo: Sea Lens', 'harbour.jpg'],
      ['Market 100% busy', 'Photo: Ana Lens', 'market.jpg'],
      ['City council', 'Photo: Ana Lens', 'council_2026.jpg'],
    ] as const) {
      assert.equal((await upload([{ name: 'caption', value: caption }, { name: 'credit', value: credit }, file(await photo(64, 48), 'image/jpeg', name)])).statusCode, 201);
    }
    const ana = (await api('GET', '/api/admin/media?q=ana%20LENS')).json();
    assert.deepEqual(ana.items.map((i: { caption: string }) => i.caption), ['City council', 'Market 100% busy', 'The wall at dawn']);
    assert.deepEqual((await api('GET', '/api/admin/media?q=100%25')).json().items.map((i: { caption: string }) => i.caption), ['Market 100% busy']);
    assert.deepEqual((await api('GET', '/api/admin/media?q=council_')).json().items.map((i: { filename: string }) => i.filename), ['council_2026.jpg']);
    assert.equal((await api('GET', '/api/admin/media?q=a_b')).json().items.length, 0, '_ is literal');
    const first = (await api('GET', '/api/admin/media?q=lens&limit=2')).json();
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await api('GET', `/api/admin/media?q=lens&limit=2&cursor=${first.nextCursor}`)).json();
    assert.deepEqual(second.items.map((i: { caption: string }) => i.caption), ['Harbour at night', 'The wall at dawn']);
    assert.equal(second.nextCursor, null);
    assert.equal((await api('GET', '/api/admin/media?cursor=abc')).statusCode, 400);
    assert.equal((await app.http.inject({ method: 'GET', url: '/api/admin/media' })).statusCode, 401);
  });

  it('lets contributors edit their own uploads only, and crops ratio variants around the focal point', async () => {
    const mine = (await upload([file(await twoHalves(), 'image/png', 'halves.png')], { cookie: cookies.carla })).json();
    assert.equal(typeof mine.uploadedBy, 'number');
    const path = `/api/admin/media/${mine.id}`;
    assert.equal((await api('PATCH', path, { cookie: cookies.colin }, { alt: 'Mine now' })).statusCode, 403, "another contributor's upload");
    assert.equal((await api('PATCH', path, { key: contributorKey }, { alt: 'Mine now' })).statusCode, 403);
    assert.equal((await api('PATCH', path, { cookie: cookies.carla }, { focal: { x: 2 } })).statusCode, 400);
    assert.equal((await api('PATCH', '/api/admin/media/999999', { cookie: cookies.carla }, { alt: 'x' })).statusCode, 404);

    const cropColour = async (item: { id: number; url: string }) => {
      const version = item.url.split('/')[3];
      const variant = await app.http.inject({ method: 'GET', url: `/media/${item.id}/${version}/320-1x1.png` });
      assert.equal(variant.statusCode, 200);
      const { channels } = await sharp(variant.rawPayload).stats();
      return (channels[0]?.mean ?? 0) > (channels[2]?.mean ?? 0) ? 'red' : 'blue';
    };
    const right = await api('PATCH', path, { cookie: cookies.carla }, { alt: 'Red and blue', focal: { x: 0.95, y: 0.5 } });
    assert.equal(right.statusCode, 200);
    assert.deepEqual(right.json().focal, { x: 0.95, y: 0.5 });
    assert.equal(await cropColour(right.json()), 'blue');
    const left = await api('PATCH', path, { cookie: cookies.eddie }, { focal: { x: 0.05, y: 0.5 } });
    assert.equal(left.statusCode, 200, 'an editor may change anyone’s');
    assert.notEqual(left.json().url, right.json().url, 'a new focal point is a new version');
    assert.equal(await cropColour(left.json()), 'red');
    assert.equal(left.json().alt, 'Red and blue');
  });

  it('refuses to delete an image in use, saying where, and deletes it once unused', async () => {
    const item = (await upload([{ name: 'alt', value: 'Hero' }, file(await photo(64, 48))])).json();
    const inBody = (await upload([{ name: 'alt', value: 'Body' }, file(await photo(64, 48))])).json();
    const portrait = (await upload([{ name: 'alt', value: 'Face' }, file(await photo(64, 48))])).json();
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    await app.publishing.createAuthor({ slug: 'ana', name: 'Ana Lens', photoMediaId: portrait.id });
    await app.publishing.createArticle({
      headline: 'Budget passes',
      sectionSlug: 'news',
      authors: [{ slug: 'ana' }],
      heroMediaId: item.id,
      status: 'draft',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words' }] }, { type: 'image', attrs: { mediaId: inBody.id } }] },
    });
    const hero = await api('DELETE', `/api/admin/media/${item.id}`);
    assert.equal(hero.statusCode, 409);
    assert.match(hero.json().error, /hero image of the article “Budget passes”/u);
    assert.match((await api('DELETE', `/api/admin/media/${inBody.id}`)).json().error, /body of the article “Budget passes”/u);
    assert.match((await api('DELETE', `/api/admin/media/${portrait.id}`)).json().error, /photo of the author Ana Lens/u);

    const unused = (await upload([file(await photo(64, 48))], { cookie: cookies.colin })).json();
    assert.equal((await api('DELETE', `/api/admin/media/${unused.id}`, { cookie: cookies.carla })).statusCode, 403);
    assert.equal((await api('DELETE', `/api/admin/media/${unused.id}`, { cookie: cookies.colin })).statusCode, 204);
    assert.equal((await api('GET', `/api/admin/media/${unused.id}`)).statusCode, 404);
    assert.equal((await app.http.inject({ method: 'GET', url: unused.thumbnailUrl })).statusCode, 404);
    assert.equal((await api('DELETE', `/api/admin/media/${unused.id}`)).statusCode, 404);
  });

  it('shows the library page with badges, uploads from the form without JavaScript, and saves edits', async () => {
    const page = await app.http.inject({ method: 'GET', url: '/admin/media', headers: { cookie: cookies.carla } });
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    assert.equal($('form[enctype="multipart/form-data"][action="/admin/media"] input[type=file][name=file]').length, 1);
    assert.ok($('.media-item').length >= 5);
    assert.ok($('.media-badge').text().includes('Needs alt text'));
    assert.match($('script[type=module]').attr('src') ?? '', /^\/assets\/media-focal\.[0-9a-f]+\.js$/u);
    // Carla (contributor) may edit only her own image.
    assert.equal($('.media-edit').length, 1);
    assert.doesNotMatch(page.body, /style=/u);

    const posted = await upload([{ name: 'alt', value: 'From the form' }, file(await photo(64, 48))], { cookie: cookies.carla }, '/admin/media');
    assert.equal(posted.statusCode, 303);
    assert.match(String(posted.headers.location), /^\/admin\/media\?uploaded=\d+$/u);
    const id = Number(String(posted.headers.location).split('=')[1]);
    const refused = await upload([file(Buffer.from('<svg/>'))], { cookie: cookies.carla }, '/admin/media');
    assert.equal(refused.statusCode, 400);
    assert.match(parse(refused.body)('.form-problem').text(), /SVG images are not accepted/u);

    const edit = await app.http.inject({
      method: 'POST',
      url: `/admin/media/${id}`,
      payload: new URLSearchParams({ alt: 'Edited', caption: 'Cap', credit: 'Cred', focalX: '0.3', focalY: '0.6' }).toString(),
      headers: { cookie: cookies.carla, origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(edit.statusCode, 303);
    const record = (await api('GET', `/api/admin/media/${id}`)).json();
    assert.deepEqual([record.alt, record.caption, record.credit, record.focal.x, record.focal.y], ['Edited', 'Cap', 'Cred', 0.3, 0.6]);
    const search = await app.http.inject({ method: 'GET', url: '/admin/media?q=edited', headers: { cookie: cookies.carla } });
    assert.equal(parse(search.body)('.media-item').length, 1);
  });
});
