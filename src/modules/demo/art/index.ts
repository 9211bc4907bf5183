/**
 * Generated editorial illustrations for the demo publication.
 *
 * renderArt draws one of fourteen flat, layered scenes as a self-contained SVG (no external
 * references, no text, no fonts); sharp rasterises it for the media library. Everything that
 * varies comes from a small seeded PRNG, so the same ArtSpec always draws the same picture.
 */
import type { ArtSpec } from '../types.js';
import { makeCtx, type Ctx } from './svg.js';
import { finish } from './elements.js';
import { skyline, harbor, capitol, market, transit } from './scenes-town.js';
import { fields, river, forest, storm, solar, mountains } from './scenes-land.js';
import { classroom, stage, library } from './scenes-indoor.js';

export { renderPortrait } from './portrait.js';

const SCENES: Record<ArtSpec['scene'], (ctx: Ctx) => string> = {
  skyline,
  harbor,
  fields,
  river,
  capitol,
  market,
  classroom,
  forest,
  stage,
  transit,
  storm,
  library,
  solar,
  mountains,
};

/** Renders the scene at the given pixel size as a self-contained SVG document. */
export function renderArt(spec: ArtSpec, width: number, height: number): string {
  const W = Math.max(16, Math.round(width));
  const H = Math.max(16, Math.round(height));
  const ctx = makeCtx(spec, W, H);
  const body = SCENES[spec.scene](ctx) + finish(ctx, spec.seed);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs>${ctx.defs.join('')}</defs>` +
    `${body}</svg>`
  );
}
