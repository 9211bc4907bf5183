/**
 * Names and geometry of image variants. A variant name is `<width>[-<ratio>].<format>`, for
 * example `960.webp` (original aspect ratio) or `1200-16x9.jpg` (cropped around the focal point).
 * Only listed widths and ratios exist, so a client cannot make the server render arbitrary sizes.
 */
export const VARIANT_WIDTHS = [320, 480, 640, 800, 960, 1280, 1600, 1920] as const;
export const CROP_RATIOS = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export type VariantFormat = 'webp' | 'jpg' | 'png';

export interface VariantSpec {
  width: number;
  ratio: CropRatio | null;
  format: VariantFormat;
}

const NAME = /^(\d{3,4})(?:-(16x9|4x3|1x1))?\.(webp|jpg|png)$/u;

export function parseVariantName(name: string): VariantSpec | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const width = Number(match[1]);
  if (!(VARIANT_WIDTHS as readonly number[]).includes(width)) return null;
  return { width, ratio: (match[2] as CropRatio | undefined) ?? null, format: match[3] as VariantFormat };
}

export function variantName(spec: VariantSpec): string {
  return `${spec.width}${spec.ratio ? `-${spec.ratio}` : ''}.${spec.format}`;
}

/** Widths worth offering for an original of this width: never upscale, always at least one. */
export function widthsFor(originalWidth: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= originalWidth);
  return fitting.length > 0 ? fitting : [VARIANT_WIDTHS[0]];
}

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest box of the wanted ratio inside the image, centred on the focal point as far as the
 * image edges allow.
 */
export function cropAround(
  imageWidth: number,
  imageHeight: number,
  ratio: number,
  focalX: number,
  focalY: number,
): CropBox {
  let width = imageWidth;
  let height = Math.round(width / ratio);
  if (height > imageHeight) {
    height = imageHeight;
    width = Math.round(height * ratio);
  }
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const left = clamp(Math.round(focalX * imageWidth - width / 2), imageWidth - width);
  const top = clamp(Math.round(focalY * imageHeight - height / 2), imageHeight - height);
  return { left, top, width, height };
}
