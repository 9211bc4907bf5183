/** Elements several scenes share: sky, sun, clouds, ridges, trees, figures, buildings and the finishing grain. */
import { mix, lighten, darken, f, type Ctx, linear, radial, rect, circle, ellipse, path, poly, line, group } from './svg.js';

// ---------------------------------------------------------------------------------------------
// Shared elements

export function sky(ctx: Ctx, warmth = 0.25): string {
  const { sky: s, accent } = ctx.c;
  const fill = linear(ctx, [
    [0, darken(s, 0.12)],
    [0.6, lighten(s, 0.22)],
    [1, mix(lighten(s, 0.45), accent, warmth)],
  ]);
  return rect(0, 0, ctx.W, ctx.H, fill);
}

export function sun(ctx: Ctx, x: number, y: number, r: number): string {
  const glow = radial(ctx, [
    [0, lighten(ctx.c.accent, 0.5), 0.55],
    [0.35, ctx.c.accent, 0.18],
    [1, ctx.c.accent, 0],
  ]);
  return circle(x, y, r * 3.2, glow) + circle(x, y, r, lighten(ctx.c.accent, 0.35));
}

/** A soft cloud: overlapping circles on a flat base. */
export function cloud(ctx: Ctx, x: number, y: number, w: number, color: string, opacity: number): string {
  const parts: string[] = [];
  const n = 4 + Math.floor(ctx.rand() * 3);
  for (let k = 0; k < n; k++) {
    const cx = x + (w * (k + 0.5)) / n;
    const r = (w / n) * ctx.range(0.6, 1.05) * (k === 0 || k === n - 1 ? 0.75 : 1);
    parts.push(circle(cx, y - r * 0.45, r, color));
  }
  parts.push(rect(x, y - w * 0.06, w, w * 0.12, color, `rx="${f(w * 0.06)}"`));
  return group(parts.join(''), `opacity="${f(opacity)}"`);
}

/** A smooth ridge line across the picture, filled down to the bottom. */
export function ridge(ctx: Ctx, baseY: number, amp: number, segments: number, fill: string, bottom = ctx.H): string {
  const { W } = ctx;
  const pts: [number, number][] = [];
  for (let k = 0; k <= segments; k++) pts.push([-W * 0.05 + (W * 1.1 * k) / segments, baseY - ctx.rand() * amp]);
  return path(smooth(pts) + ` L${f(W * 1.05)},${f(bottom)} L${f(-W * 0.05)},${f(bottom)} Z`, fill);
}

export function smooth(pts: [number, number][]): string {
  const first = pts[0];
  if (!first) return '';
  let d = `M${f(first[0])},${f(first[1])}`;
  for (let k = 1; k < pts.length - 1; k++) {
    const cur = pts[k];
    const next = pts[k + 1];
    if (!cur || !next) continue;
    d += ` Q${f(cur[0])},${f(cur[1])} ${f((cur[0] + next[0]) / 2)},${f((cur[1] + next[1]) / 2)}`;
  }
  const last = pts[pts.length - 1];
  if (last && pts.length > 1) d += ` L${f(last[0])},${f(last[1])}`;
  return d;
}

/** A fir: stacked tiers whose wide bottoms overhang the narrow top of the tier below. */
export function conifer(x: number, baseY: number, h: number, color: string, tiers = 3): string {
  const w = h * 0.46;
  const seg = (h * 0.88) / (0.72 * (tiers - 1) + 1.4);
  let d = '';
  for (let k = 0; k < tiers; k++) {
    const top = baseY - h + k * seg * 0.72;
    const bottom = top + seg * 1.4;
    const half = (w / 2) * (0.42 + (0.58 * (k + 1)) / tiers);
    const droop = seg * 0.12;
    d += `M${f(x)},${f(top)} L${f(x + half)},${f(bottom)} Q${f(x)},${f(bottom - droop)} ${f(x - half)},${f(bottom)} Z `;
  }
  return rect(x - h * 0.03, baseY - h * 0.16, h * 0.06, h * 0.16, darken(color, 0.25)) + path(d, color);
}

export function roundTree(ctx: Ctx, x: number, baseY: number, h: number, color: string): string {
  const r = h * 0.3;
  const lean = ctx.range(-0.15, 0.15) * r;
  const trunk = rect(x - h * 0.035, baseY - h * 0.45, h * 0.07, h * 0.45, darken(color, 0.45));
  const blobs =
    circle(x + lean, baseY - h + r, r, color) +
    circle(x - r * 0.6, baseY - h * 0.55, r * 0.8, color) +
    circle(x + r * 0.65, baseY - h * 0.58, r * 0.78, color) +
    circle(x + lean - r * 0.25, baseY - h + r * 0.75, r * 0.55, lighten(color, 0.12), `opacity="0.7"`);
  return trunk + blobs;
}

export type Pt = [number, number];

/** x of a cubic Bézier where it crosses height y (sampled; the curves here are monotonic in y). */
export function bezierXAt(p0: Pt, p1: Pt, p2: Pt, p3: Pt, y: number): number {
  let best = p0[0];
  let bestDy = Infinity;
  for (let k = 0; k <= 64; k++) {
    const t = k / 64;
    const m = 1 - t;
    const by = m * m * m * p0[1] + 3 * m * m * t * p1[1] + 3 * m * t * t * p2[1] + t * t * t * p3[1];
    if (Math.abs(by - y) < bestDy) {
      bestDy = Math.abs(by - y);
      best = m * m * m * p0[0] + 3 * m * m * t * p1[0] + 3 * m * t * t * p2[0] + t * t * t * p3[0];
    }
  }
  return best;
}

/** A standing person in silhouette, `h` tall from the feet at baseY. */
export function figure(x: number, baseY: number, h: number, color: string): string {
  const torso =
    `M${f(x - h * 0.12)},${f(baseY - h * 0.44)} L${f(x - h * 0.15)},${f(baseY - h * 0.7)} ` +
    `Q${f(x - h * 0.15)},${f(baseY - h * 0.77)} ${f(x - h * 0.07)},${f(baseY - h * 0.78)} L${f(x + h * 0.07)},${f(baseY - h * 0.78)} ` +
    `Q${f(x + h * 0.15)},${f(baseY - h * 0.77)} ${f(x + h * 0.15)},${f(baseY - h * 0.7)} L${f(x + h * 0.12)},${f(baseY - h * 0.44)} Z`;
  return (
    rect(x - h * 0.11, baseY - h * 0.46, h * 0.1, h * 0.46, color, `rx="${f(h * 0.02)}"`) +
    rect(x + h * 0.01, baseY - h * 0.46, h * 0.1, h * 0.46, color, `rx="${f(h * 0.02)}"`) +
    path(torso, color) +
    rect(x - h * 0.03, baseY - h * 0.83, h * 0.06, h * 0.07, color) +
    ellipse(x, baseY - h * 0.89, h * 0.07, h * 0.085, color)
  );
}

/** Film-grain texture and a gentle vignette: what turns flat vectors into an editorial print. */
export function finish(ctx: Ctx, seed: number): string {
  const grain = ctx.id('grain');
  ctx.defs.push(
    `<filter id="${grain}" x="0" y="0" width="100%" height="100%" filterUnits="userSpaceOnUse">` +
      `<feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="2" seed="${seed % 997}" stitchTiles="stitch"/>` +
      `<feColorMatrix type="matrix" values="0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0 0.5  0.9 0.9 0.9 0 -1.1"/>` +
      `</filter>`,
  );
  const vignette = radial(ctx, [
    [0.55, '#000000', 0],
    [1, '#000000', 0.22],
  ], 0.5, 0.5, 0.75);
  return rect(0, 0, ctx.W, ctx.H, '#808080', `filter="url(#${grain})" opacity="0.35"`) + rect(0, 0, ctx.W, ctx.H, vignette);
}

// ---------------------------------------------------------------------------------------------
// Scenes

export interface Windows {
  lit: string;
  dark: string;
  p: number;
}

export function buildings(ctx: Ctx, baseY: number, minH: number, maxH: number, minW: number, maxW: number, color: string, win?: Windows): string {
  const { W, H, u } = ctx;
  const out: string[] = [];
  let x = -ctx.range(0, maxW);
  while (x < W) {
    const bw = ctx.range(minW, maxW);
    const bh = ctx.range(minH, maxH);
    const top = baseY - bh;
    out.push(rect(x, top, bw, H - top, color));
    const roof = ctx.rand();
    if (roof < 0.22) {
      const sh = bh * ctx.range(0.08, 0.16);
      out.push(rect(x + bw * 0.15, top - sh, bw * 0.7, sh + 1, color));
      out.push(rect(x + bw * 0.3, top - sh * 1.8, bw * 0.4, sh * 0.8 + 1, color));
    } else if (roof < 0.36) {
      out.push(line(x + bw * 0.5, top, x + bw * 0.5, top - bh * 0.25, color, Math.max(1, u * 0.35)));
      out.push(rect(x + bw * 0.3, top - u * 1.2, bw * 0.4, u * 1.2 + 1, color));
    } else if (roof < 0.48) {
      const tx = x + bw * ctx.range(0.2, 0.6);
      out.push(rect(tx, top - u * 4, u * 3.2, u * 2.6, color, `rx="${f(u * 0.6)}"`));
      out.push(poly([[tx - u * 0.3, top - u * 4], [tx + u * 1.6, top - u * 5.6], [tx + u * 3.5, top - u * 4]], color));
      out.push(line(tx + u * 0.4, top - u * 1.6, tx + u * 0.4, top, color, u * 0.3));
      out.push(line(tx + u * 2.8, top - u * 1.6, tx + u * 2.8, top, color, u * 0.3));
    } else if (roof < 0.56) {
      out.push(poly([[x, top + 1], [x + bw / 2, top - bw * 0.35], [x + bw, top + 1]], color));
    }
    if (win) {
      const ww = u * 1.1;
      const wh = u * 1.5;
      const gx = u * 1.0;
      const gy = u * 1.25;
      const cols = Math.floor((bw - gx) / (ww + gx));
      const rows = Math.floor((baseY - top - gy * 2) / (wh + gy));
      const offset = (bw - cols * (ww + gx) + gx) / 2;
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const lit = ctx.chance(win.p);
          out.push(rect(x + offset + col * (ww + gx), top + gy * 1.5 + row * (wh + gy), ww, wh, lit ? win.lit : win.dark));
        }
      }
    }
    x += bw + (ctx.chance(0.4) ? ctx.range(u * 0.5, u * 2.5) : 0);
  }
  return out.join('');
}
