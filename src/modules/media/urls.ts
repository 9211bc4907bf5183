/** URLs of image variants; pure, so views can build `srcset` without touching the service. */
import type { MediaItem } from './service.js';
import { CROP_RATIOS, variantName, widthsFor, type CropRatio, type VariantFormat, type VariantSpec } from './variants.js';

export function mediaUrl(item: Pick<MediaItem, 'id' | 'version'>, spec: VariantSpec): string {
  return `/media/${item.id}/${item.version}/${variantName(spec)}`;
}

// A page lists dozens of image URLs; they only change with the media version, so each srcset
// string is built once (bounded, oldest dropped first).
const srcsets = new Map<string, string>();

export function srcset(item: MediaItem, format: VariantFormat, ratio: CropRatio | null = null): string {
  const key = `${item.id}:${item.version}:${item.width}:${format}:${ratio}`;
  let value = srcsets.get(key);
  if (value === undefined) {
    value = widthsFor(item.width)
      .map((width) => `${mediaUrl(item, { width, ratio, format })} ${width}w`)
      .join(', ');
    if (srcsets.size >= 10_000) srcsets.delete(srcsets.keys().next().value as string);
    srcsets.set(key, value);
  }
  return value;
}

/** The format browsers without WebP get: PNG for images that may be transparent, else JPEG. */
export function fallbackFormat(item: Pick<MediaItem, 'mime'>): 'jpg' | 'png' {
  return item.mime === 'image/png' || item.mime === 'image/gif' ? 'png' : 'jpg';
}

/** Pixel size of a crop (or of the whole image) at a given width, for width/height attributes. */
export function sizeAt(item: MediaItem, width: number, ratio: CropRatio | null = null): { width: number; height: number } {
  const w = Math.min(width, item.width);
  const aspect = ratio ? CROP_RATIOS[ratio] : item.width / item.height;
  return { width: w, height: Math.round(w / aspect) };
}
