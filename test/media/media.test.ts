import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { MediaError } from '../../src/modules/media/service.js';
import { cropAround, parseVariantName } from '../../src/modules/media/variants.js';

describe('media', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.destroy());

  it('stores an image and serves WebP and JPEG variants without its metadata, orientation applied', async () => {
    // A 400×200 photo stored sideways (EXIF orientation 6) with GPS-bearing EXIF.
    const data = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#884422' } })
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret', Artist: 'Someone' } } })
      .jpeg()
      .toBuffer();
    assert.ok((await sharp(data).metadata()).exif, 'the upload has EXIF');
    const item = await app.media.ingest({ data, originalName: 'photo.jpg', alt: 'A wall' });
    assert.deepEqual([item.width, item.height], [200, 400], 'dimensions after rotation');
    for (const name of ['320.webp', '320.jpg', '320-1x1.jpg']) {
      const variant = await app.media.variant(item.id, item.version, name);
      assert.ok(variant, name);
      const meta = await sharp(variant.data).metadata();
      assert.equal(meta.exif, undefined, `${name} carries no EXIF`);
      assert.equal(meta.orientation, undefined);
      if (name === '320-1x1.jpg') assert.deepEqual([meta.width, meta.height], [200, 200], 'crops never upscale');
      else assert.deepEqual([meta.width, meta.height], [200, 400]);
    }
    assert.equal(await app.media.variant(item.id, item.version, '333.webp'), null, 'only listed widths');
    assert.equal(await app.media.variant(item.id, 'ffffffffff', '320.webp'), null, 'a stale version is not served');
  });

  it('sends a variant URL of an older version (focal point since moved) to the current one', async () => {
    const data = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } }).png().toBuffer();
    const item = await app.media.ingest({ data, originalName: 'square.png', alt: 'Blue' });
    const moved = await app.media.update(item.id, { focalX: 0.1, focalY: 0.9 });
    assert.ok(moved && moved.version !== item.version, 'a new focal point is a new version');
    const old = await app.http.inject({ url: `/media/${item.id}/${item.version}/320-1x1.webp` });
    assert.equal(old.statusCode, 302);
    assert.equal(old.headers.location, `/media/${item.id}/${moved.version}/320-1x1.webp`);
    assert.doesNotMatch(String(old.headers['cache-control']), /immutable/u);
    const current = await app.http.inject({ url: String(old.headers.location) });
    assert.equal(current.statusCode, 200);
    const unknown = await app.http.inject({ url: `/media/${item.id}/${item.version}/333.webp` });
    assert.equal(unknown.statusCode, 404, 'an invalid variant name is not redirected');
  });

  it('refuses files that are not images, empty files, SVG and decompression bombs', async () => {
    const bad: [Buffer, RegExp][] = [
      [Buffer.from('just text, not a picture'), /not an image we can read/u],
      [Buffer.alloc(0), /empty/u],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /JPEG, PNG, WebP, AVIF or GIF/u],
    ];
    for (const [data, message] of bad) {
      await assert.rejects(app.media.ingest({ data, originalName: 'x' }), (e: unknown) => e instanceof MediaError && message.test(e.message));
    }
    // A PNG whose header claims 50,000 × 50,000 pixels: only the header may ever be read.
    const bomb = await pngClaiming(50_000, 50_000);
    const started = performance.now();
    await assert.rejects(app.media.ingest({ data: bomb, originalName: 'bomb.png' }), (e: unknown) => e instanceof MediaError && e.status === 413);
    assert.ok(performance.now() - started < 5000, 'refused quickly');
  });

  it('names and crops variants predictably', () => {
    assert.deepEqual(parseVariantName('1280-16x9.jpg'), { width: 1280, ratio: '16x9', format: 'jpg' });
    assert.equal(parseVariantName('1281.jpg'), null);
    assert.equal(parseVariantName('../../etc/passwd'), null);
    assert.deepEqual(cropAround(1600, 900, 1, 0.9, 0.5), { left: 700, top: 0, width: 900, height: 900 });
    assert.deepEqual(cropAround(1600, 900, 1, 0.1, 0.5), { left: 0, top: 0, width: 900, height: 900 });
  });
});

/** A real 1×1 PNG with its IHDR rewritten to claim another size (CRC fixed up). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
  // Signature (8) + length (4) + "IHDR" (4), then width and height as big-endian uint32.
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
