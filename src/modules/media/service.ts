/**
 * Media: originals kept privately in storage, variants (widths × WebP and the original's format,
 * optional focal-point crops) made by sharp on first request and then kept. Variants never carry
 * the original's metadata (EXIF, GPS), and orientation is applied before anything else.
 */
import crypto from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Database } from '../../db/database.js';
import type { MediaStorage } from './storage.js';
import { CROP_RATIOS, cropAround, parseVariantName, VARIANT_WIDTHS, variantName, type VariantSpec } from './variants.js';

export interface MediaItem {
  id: number;
  /** Changes whenever what the variants look like changes (new focal point), so URLs can be cached forever. */
  version: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  focalX: number;
  focalY: number;
}

export interface IngestInput {
  data: Buffer;
  originalName: string;
  caption?: string;
  credit?: string;
  alt?: string;
  focalX?: number;
  focalY?: number;
  /** The type the client declared (multipart Content-Type); refused when the content says otherwise. */
  declaredType?: string;
  /** The staff user uploading it, for "may edit own uploads". */
  uploadedBy?: number | null;
}

export interface MediaPatch {
  alt?: string;
  caption?: string;
  credit?: string;
  focalX?: number;
  focalY?: number;
}

export class MediaError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
  }
}

const ACCEPTED: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heif: 'image/avif',
};

const SVG_REFUSED = 'SVG images are not accepted (they can carry scripts): export the picture as JPEG, PNG, WebP, AVIF or GIF and upload that.';

export interface MediaLimits {
  maxBytes: number;
  maxPixels: number;
}

export const defaultMediaLimits: MediaLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 };

export interface MediaService {
  ingest(input: IngestInput): Promise<MediaItem>;
  get(id: number): Promise<MediaItem | null>;
  getMany(ids: number[]): Promise<Map<number, MediaItem>>;
  /** Bytes and content type of a variant, or null when the media or the variant name does not exist. */
  variant(id: number, version: string, name: string): Promise<{ data: Buffer; contentType: string } | null>;
  /** Changes the texts and the focal point; a new focal point is a new version (new variant URLs). */
  update(id: number, patch: MediaPatch): Promise<MediaItem | null>;
  /** Deletes the row, the original and the current version's variants; false when there was none. */
  remove(id: number): Promise<boolean>;
}

type MediaRow = {
  id: number;
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  focal_x: number;
  focal_y: number;
};

export function createMediaService(db: Database, storage: MediaStorage, limits: MediaLimits = defaultMediaLimits): MediaService {
  const inflight = new Map<string, Promise<Buffer | null>>();

  const present = (row: MediaRow): MediaItem => ({
    id: row.id,
    version: crypto
      .createHash('sha256')
      .update(`${row.storage_key}:${row.focal_x}:${row.focal_y}`)
      .digest('hex')
      .slice(0, 10),
    mime: row.mime,
    width: row.width,
    height: row.height,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    focalX: row.focal_x,
    focalY: row.focal_y,
  });

  const columns = ['id', 'storage_key', 'mime', 'width', 'height', 'caption', 'credit', 'alt', 'focal_x', 'focal_y'] as const;

  async function row(id: number): Promise<MediaRow | undefined> {
    return db.kysely.selectFrom('media').select(columns).where('id', '=', id).executeTakeFirst();
  }

  async function render(item: MediaRow, spec: VariantSpec): Promise<Buffer | null> {
    const original = await storage.get(item.storage_key);
    if (!original) return null;
    let pipeline = sharp(original, { limitInputPixels: limits.maxPixels, animated: false }).rotate();
    if (spec.ratio) {
      const box = cropAround(item.width, item.height, CROP_RATIOS[spec.ratio], item.focal_x, item.focal_y);
      pipeline = pipeline.extract(box);
    }
    pipeline = pipeline.resize({ width: spec.width, withoutEnlargement: true });
    if (spec.format === 'webp') pipeline = pipeline.webp({ quality: 78 });
    else if (spec.format === 'png') pipeline = pipeline.png({ compressionLevel: 9 });
    else pipeline = pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true });
    return pipeline.toBuffer();
  }

  return {
    async ingest(input) {
      if (input.data.length === 0) throw new MediaError('The file is empty.');
      if (input.data.length > limits.maxBytes) {
        throw new MediaError(`The file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`, 413);
      }
      if (looksLikeSvg(input.data)) {
        throw new MediaError(SVG_REFUSED);
      }
      let meta: Metadata;
      try {
        // metadata() reads the header only, never the pixels, so it is safe without a pixel limit;
        // the size check below then refuses a decompression bomb before anything is decoded.
        meta = await sharp(input.data, { limitInputPixels: false }).metadata();
      } catch {
        throw new MediaError('The file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF).');
      }
      if (meta.format === 'svg') {
        throw new MediaError(SVG_REFUSED);
      }
      if (meta.format === 'heif' && meta.compression !== 'av1') {
        throw new MediaError('HEIC images are not accepted: export the photo as JPEG (or AVIF) and upload that.');
      }
      const mime = meta.format ? ACCEPTED[meta.format] : undefined;
      if (!mime || !meta.width || !meta.height) {
        throw new MediaError(`Images must be JPEG, PNG, WebP, AVIF or GIF (this one is ${meta.format ?? 'unknown'}).`);
      }
      const declared = normaliseDeclared(input.declaredType);
      if (declared && declared !== mime) {
        throw new MediaError(`The file says it is ${declared}, but its content is ${mime}: it may be damaged or renamed. Upload the original file.`);
      }
      if (meta.width * meta.height > limits.maxPixels) {
        throw new MediaError(`The image is ${meta.width}×${meta.height} pixels; the limit is ${limits.maxPixels.toLocaleString('en-US')} pixels.`, 413);
      }
      // The header was fine; decode the pixels once (size now known to be bounded) so a truncated
      // or corrupt file is refused now, not when a reader first asks for a variant.
      try {
        await sharp(input.data, { limitInputPixels: limits.maxPixels, animated: false }).rotate().resize({ width: 64, withoutEnlargement: true }).raw().toBuffer();
      } catch {
        throw new MediaError('The image is damaged or incomplete and cannot be read. Try exporting it again.');
      }
      // EXIF orientations 5–8 swap the axes once the rotation is applied.
      const swapped = (meta.orientation ?? 1) >= 5;
      const width = swapped ? meta.height : meta.width;
      const height = swapped ? meta.width : meta.height;
      const key = `originals/${crypto.randomUUID()}.${meta.format}`;
      await storage.put(key, input.data);
      const inserted = await db.kysely
        .insertInto('media')
        .values({
          storage_key: key,
          original_name: input.originalName.slice(0, 300),
          mime,
          width,
          height,
          bytes: input.data.length,
          caption: input.caption ?? '',
          credit: input.credit ?? '',
          alt: input.alt ?? '',
          focal_x: clamp01(input.focalX ?? 0.5),
          focal_y: clamp01(input.focalY ?? 0.5),
          created_at: Date.now(),
          uploaded_by: input.uploadedBy ?? null,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return present(inserted);
    },

    async get(id) {
      const found = await row(id);
      return found ? present(found) : null;
    },

    async getMany(ids) {
      const result = new Map<number, MediaItem>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return result;
      const rows = await db.kysely.selectFrom('media').select(columns).where('id', 'in', unique).execute();
      for (const r of rows) result.set(r.id, present(r));
      return result;
    },

    async variant(id, version, name) {
      const spec = parseVariantName(name);
      if (!spec) return null;
      const found = await row(id);
      if (!found || present(found).version !== version) return null;
      const key = `variants/${id}/${version}/${variantName(spec)}`;
      const contentType = spec.format === 'jpg' ? 'image/jpeg' : `image/${spec.format}`;
      const cached = await storage.get(key);
      if (cached) return { data: cached, contentType };
      // Many readers can ask for a new variant at once; render it once.
      let pending = inflight.get(key);
      if (!pending) {
        pending = render(found, spec).then(async (data) => {
          if (data) await storage.put(key, data);
          return data;
        });
        inflight.set(key, pending);
        void pending.finally(() => inflight.delete(key)).catch(() => {});
      }
      const data = await pending;
      return data ? { data, contentType } : null;
    },

    async update(id, patch) {
      const values: { alt?: string; caption?: string; credit?: string; focal_x?: number; focal_y?: number } = {};
      if (patch.alt !== undefined) values.alt = patch.alt.trim();
      if (patch.caption !== undefined) values.caption = patch.caption.trim();
      if (patch.credit !== undefined) values.credit = patch.credit.trim();
      if (patch.focalX !== undefined) values.focal_x = clamp01(patch.focalX);
      if (patch.focalY !== undefined) values.focal_y = clamp01(patch.focalY);
      if (Object.keys(values).length > 0) await db.kysely.updateTable('media').set(values).where('id', '=', id).execute();
      const found = await row(id);
      return found ? present(found) : null;
    },

    async remove(id) {
      const found = await row(id);
      if (!found) return false;
      await db.kysely.deleteFrom('media').where('id', '=', id).execute();
      await storage.delete(found.storage_key);
      // Variants of the current version (older versions' files are left for a sweep).
      const version = present(found).version;
      const ratios = [null, ...(Object.keys(CROP_RATIOS) as (keyof typeof CROP_RATIOS)[])];
      for (const width of VARIANT_WIDTHS) {
        for (const ratio of ratios) {
          for (const format of ['webp', 'jpg', 'png'] as const) await storage.delete(`variants/${id}/${version}/${variantName({ width, ratio, format })}`);
        }
      }
      return true;
    },
  };
}

/** SVG (XML text) is refused by its content, whatever the file is called. */
function looksLikeSvg(data: Buffer): boolean {
  const head = data.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  return head.startsWith('<svg') || ((head.startsWith('<?xml') || head.startsWith('<!doctype svg') || head.startsWith('<!--')) && head.includes('<svg'));
}

const DECLARED: Record<string, string> = {
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/x-png': 'image/png',
  'image/webp': 'image/webp',
  'image/gif': 'image/gif',
  'image/avif': 'image/avif',
};

/** The declared type in our terms; null when it says nothing (absent, octet-stream). */
function normaliseDeclared(type: string | undefined): string | null {
  const t = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!t || t === 'application/octet-stream') return null;
  return DECLARED[t] ?? t;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0.5;
}
