/**
 * The document inside a house-ad iframe: the creative as a signed click-through link, and an
 * image beacon that counts the impression when the (lazy) frame loads. The frame's sandbox runs no
 * scripts, so the image is the beacon; it works with JavaScript off, too.
 */
import { renderToString } from 'preact-render-to-string';
import type { LiveCreative } from '../inventory.js';
import { FRAME_CSS_PATH } from '../static-files.js';

export interface FrameFill {
  creative: LiveCreative;
  clickUrl: string;
  beaconUrl: string;
}

export function frameDocument(fill: FrameFill | null, lang: string): string {
  return `<!doctype html>${renderToString(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>Advertisement</title>
        <link rel="stylesheet" href={FRAME_CSS_PATH} />
      </head>
      <body>
        {fill ? (
          <>
            <a class="ad" href={fill.clickUrl} target="_blank" rel="sponsored noopener">
              <img src={fill.creative.image.src} alt={fill.creative.alt} width={fill.creative.image.width} height={fill.creative.image.height} />
            </a>
            <img class="beacon" src={fill.beaconUrl} alt="" width={1} height={1} referrerpolicy="no-referrer" />
          </>
        ) : null}
      </body>
    </html>,
  )}`;
}
