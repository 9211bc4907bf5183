/**
 * A responsive image: WebP and a JPEG/PNG fallback at every useful width, with width and height
 * set so the browser reserves the box before a byte arrives (no layout shift).
 */
import type { MediaItem } from './service.js';
import { fallbackFormat, mediaUrl, sizeAt, srcset } from './urls.js';
import { widthsFor, type CropRatio } from './variants.js';

export interface PictureProps {
  item: MediaItem;
  sizes: string;
  /** Default rendition width for browsers that ignore srcset. */
  width?: number;
  ratio?: CropRatio | null;
  /** Eager for the hero (it is the LCP element), lazy elsewhere. */
  priority?: boolean;
  alt?: string;
  class?: string;
}

export function Picture({ item, sizes, width = 960, ratio = null, priority = false, alt, class: className }: PictureProps) {
  const widths = widthsFor(item.width);
  const chosen = widths.filter((w) => w <= width).at(-1) ?? widths[0] ?? 320;
  const box = sizeAt(item, item.width, ratio);
  const fallback = fallbackFormat(item);
  return (
    <picture class={className}>
      <source type="image/webp" srcset={srcset(item, 'webp', ratio)} sizes={sizes} />
      <img
        src={mediaUrl(item, { width: chosen, ratio, format: fallback })}
        srcset={srcset(item, fallback, ratio)}
        sizes={sizes}
        width={box.width}
        height={box.height}
        alt={alt ?? item.alt}
        loading={priority ? 'eager' : 'lazy'}
        decoding={priority ? 'sync' : 'async'}
        {...(priority ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}
