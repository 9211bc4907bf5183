/**
 * Generated editorial illustrations for the demo publication.
 *
 * renderArt draws one of fourteen flat, layered scenes as a self-contained SVG (no external
 * references, no text, no fonts); sharp rasterises it for the media library. Everything that
 * varies comes from a small seeded PRNG, so the same ArtSpec always draws the same picture.
 */
import type { ArtSpec, DemoPortrait } from './types.js';

// ---------------------------------------------------------------------------------------------
// Colour and number helpers

type Rgb = [number, number, number];

function toRgb(color: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(color.trim());
  let hex = match?.[1] ?? '808080';
  if (hex.length === 3) hex = hex.replace(/./gu, (ch) => ch + ch);
  const value = Number.parseInt(hex, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: Rgb): string {
  const part = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

/** Linear blend of two colours, t = 0 gives `from`, t = 1 gives `to`. */
function mix(from: string, to: string, t: number): string {
  const a = toRgb(from);
  const b = toRgb(to);
  return toHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}
const lighten = (color: string, t: number): string => mix(color, '#ffffff', t);
const darken = (color: string, t: number): string => mix(color, '#000000', t);

/** Short decimal for the SVG source. */
const f = (v: number): string => String(Math.round(v * 10) / 10);

/** mulberry32: small, fast and good enough for picture-making. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing context

interface Colors {
  /** Sky, wall or background. */
  sky: string;
  /** Land, structure or main material. */
  ground: string;
  /** Sun, lights, awnings: the warm highlight. */
  accent: string;
  /** Silhouettes and shadows. */
  deep: string;
}

interface Ctx {
  W: number;
  H: number;
  /** One hundredth of the height: the unit for sizes, so wide crops get more things, not wider ones. */
  u: number;
  seed: number;
  rand: () => number;
  range: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly [T, ...T[]]) => T;
  c: Colors;
  defs: string[];
  id: (name: string) => string;
}

function makeCtx(spec: ArtSpec, W: number, H: number): Ctx {
  const rand = prng(spec.seed);
  const [p0, p1, p2, p3] = spec.palette;
  const sky = p0 ?? '#9cc3d5';
  const ground = p1 ?? mix(sky, '#2f5d3a', 0.7);
  const accent = p2 ?? '#f0b33c';
  const deep = p3 ?? darken(mix(ground, sky, 0.3), 0.6);
  let counter = 0;
  const prefix = `a${(spec.seed >>> 0).toString(36)}`;
  return {
    W,
    H,
    u: H / 100,
    seed: spec.seed,
    rand,
    range: (lo, hi) => lo + (hi - lo) * rand(),
    chance: (p) => rand() < p,
    pick: (items) => items[Math.floor(rand() * items.length)] ?? items[0],
    c: { sky, ground, accent, deep },
    defs: [],
    id: (name) => `${prefix}-${name}-${++counter}`,
  };
}

type Stop = [offset: number, color: string, opacity?: number];

function stopsSvg(stops: Stop[]): string {
  return stops
    .map(([o, color, op]) => `<stop offset="${f(o)}" stop-color="${color}"${op === undefined ? '' : ` stop-opacity="${f(op)}"`}/>`)
    .join('');
}

/** Registers a linear gradient (object bounding box units) and returns its url(). */
function linear(ctx: Ctx, stops: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const id = ctx.id('lg');
  ctx.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsSvg(stops)}</linearGradient>`);
  return `url(#${id})`;
}

function radial(ctx: Ctx, stops: Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = ctx.id('rg');
  ctx.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopsSvg(stops)}</radialGradient>`);
  return `url(#${id})`;
}

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(Math.max(0, h))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const circle = (x: number, y: number, r: number, fill: string, extra = ''): string =>
  `<circle cx="${f(x)}" cy="${f(y)}" r="${f(Math.max(0, r))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const ellipse = (x: number, y: number, rx: number, ry: number, fill: string, extra = ''): string =>
  `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(Math.max(0, rx))}" ry="${f(Math.max(0, ry))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const path = (d: string, fill: string, extra = ''): string => `<path d="${d}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const poly = (points: [number, number][], fill: string, extra = ''): string =>
  `<polygon points="${points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra = ''): string =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${stroke}" stroke-width="${f(width)}"${extra ? ` ${extra}` : ''}/>`;
const group = (content: string, attrs: string): string => `<g ${attrs}>${content}</g>`;

// ---------------------------------------------------------------------------------------------
// Shared elements

function sky(ctx: Ctx, warmth = 0.25): string {
  const { sky: s, accent } = ctx.c;
  const fill = linear(ctx, [
    [0, darken(s, 0.12)],
    [0.6, lighten(s, 0.22)],
    [1, mix(lighten(s, 0.45), accent, warmth)],
  ]);
  return rect(0, 0, ctx.W, ctx.H, fill);
}

function sun(ctx: Ctx, x: number, y: number, r: number): string {
  const glow = radial(ctx, [
    [0, lighten(ctx.c.accent, 0.5), 0.55],
    [0.35, ctx.c.accent, 0.18],
    [1, ctx.c.accent, 0],
  ]);
  return circle(x, y, r * 3.2, glow) + circle(x, y, r, lighten(ctx.c.accent, 0.35));
}

/** A soft cloud: overlapping circles on a flat base. */
function cloud(ctx: Ctx, x: number, y: number, w: number, color: string, opacity: number): string {
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
function ridge(ctx: Ctx, baseY: number, amp: number, segments: number, fill: string, bottom = ctx.H): string {
  const { W } = ctx;
  const pts: [number, number][] = [];
  for (let k = 0; k <= segments; k++) pts.push([-W * 0.05 + (W * 1.1 * k) / segments, baseY - ctx.rand() * amp]);
  return path(smooth(pts) + ` L${f(W * 1.05)},${f(bottom)} L${f(-W * 0.05)},${f(bottom)} Z`, fill);
}

function smooth(pts: [number, number][]): string {
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
function conifer(x: number, baseY: number, h: number, color: string, tiers = 3): string {
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

function roundTree(ctx: Ctx, x: number, baseY: number, h: number, color: string): string {
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

type Pt = [number, number];

/** x of a cubic Bézier where it crosses height y (sampled; the curves here are monotonic in y). */
function bezierXAt(p0: Pt, p1: Pt, p2: Pt, p3: Pt, y: number): number {
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
function figure(x: number, baseY: number, h: number, color: string): string {
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
function finish(ctx: Ctx, seed: number): string {
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

interface Windows {
  lit: string;
  dark: string;
  p: number;
}

function buildings(ctx: Ctx, baseY: number, minH: number, maxH: number, minW: number, maxW: number, color: string, win?: Windows): string {
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

function skyline(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.45)];
  out.push(sun(ctx, W * ctx.range(0.55, 0.8), H * ctx.range(0.3, 0.42), u * 10));
  for (let k = 0; k < 3; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.8), H * ctx.range(0.12, 0.3), W * ctx.range(0.18, 0.3), lighten(c.sky, 0.5), 0.35));
  const base = H * 0.86;
  out.push(buildings(ctx, base, H * 0.18, H * 0.42, u * 7, u * 13, mix(c.sky, c.deep, 0.35)));
  out.push(buildings(ctx, base, H * 0.14, H * 0.34, u * 8, u * 15, mix(c.sky, c.deep, 0.62), {
    lit: mix(lighten(c.accent, 0.3), c.sky, 0.4),
    dark: mix(c.sky, c.deep, 0.68),
    p: 0.25,
  }));
  out.push(buildings(ctx, base, H * 0.08, H * 0.3, u * 10, u * 18, c.deep, {
    lit: lighten(c.accent, 0.25),
    dark: lighten(c.deep, 0.08),
    p: 0.32,
  }));
  // Street with lamp glow.
  out.push(rect(0, base, W, H - base, darken(c.deep, 0.35)));
  out.push(rect(0, base, W, u * 0.6, mix(c.deep, c.accent, 0.35)));
  for (let x = ctx.range(0, u * 12); x < W; x += u * 18) {
    out.push(line(x, base, x, base - u * 7, darken(c.deep, 0.5), u * 0.45));
    out.push(circle(x, base - u * 7, u * 2.4, lighten(c.accent, 0.3), `opacity="0.25"`) + circle(x, base - u * 7, u * 0.8, lighten(c.accent, 0.5)));
  }
  // Birds.
  for (let k = 0; k < 5; k++) {
    const bx = W * ctx.range(0.1, 0.5);
    const by = H * ctx.range(0.1, 0.3);
    const s = u * ctx.range(0.8, 1.4);
    out.push(path(`M${f(bx - s)},${f(by - s * 0.5)} Q${f(bx - s * 0.5)},${f(by - s * 0.8)} ${f(bx)},${f(by)} Q${f(bx + s * 0.5)},${f(by - s * 0.8)} ${f(bx + s)},${f(by - s * 0.5)}`, 'none', `stroke="${c.deep}" stroke-width="${f(u * 0.3)}" stroke-linecap="round" opacity="0.7"`));
  }
  return out.join('');
}

function boat(x: number, y: number, s: number, hull: string, sail: string, cabin: string, withSail: boolean): string {
  const hullD = `M${f(x - 11 * s)},${f(y - 2.6 * s)} L${f(x + 12 * s)},${f(y - 2.6 * s)} Q${f(x + 10 * s)},${f(y + 2 * s)} ${f(x + 7 * s)},${f(y + 2.2 * s)} L${f(x - 8 * s)},${f(y + 2.2 * s)} Q${f(x - 10 * s)},${f(y + 1 * s)} ${f(x - 11 * s)},${f(y - 2.6 * s)} Z`;
  let out = '';
  if (withSail) {
    out += line(x, y - 2.6 * s, x, y - 24 * s, darken(hull, 0.3), Math.max(1, s * 0.45));
    out += poly([[x + 0.6 * s, y - 23 * s], [x + 0.6 * s, y - 4.2 * s], [x + 10.5 * s, y - 4.2 * s]], sail);
    out += poly([[x - 0.6 * s, y - 21 * s], [x - 0.6 * s, y - 4.2 * s], [x - 8.5 * s, y - 4.2 * s]], darken(sail, 0.08));
  } else {
    out += rect(x - 5 * s, y - 7.5 * s, 8 * s, 5 * s, cabin, `rx="${f(s * 0.6)}"`);
    out += rect(x - 3.8 * s, y - 6.5 * s, 2.2 * s, 1.6 * s, darken(cabin, 0.45));
    out += rect(x - 0.8 * s, y - 6.5 * s, 2.2 * s, 1.6 * s, darken(cabin, 0.45));
    out += line(x + 1 * s, y - 7.5 * s, x + 1 * s, y - 12 * s, darken(cabin, 0.3), Math.max(1, s * 0.4));
  }
  out += path(hullD, hull);
  out += rect(x - 10.4 * s, y - 2.6 * s, 22 * s, 0.9 * s, lighten(hull, 0.35));
  // Reflection.
  out += group(path(hullD, hull), `opacity="0.22" transform="translate(0 ${f(2 * y + 0.5 * s)}) scale(1 -1)"`);
  return out;
}

function harbor(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const horizon = H * 0.56;
  const out = [sky(ctx, 0.5)];
  const sx = W * ctx.range(0.3, 0.7);
  out.push(sun(ctx, sx, horizon - u * 9, u * 8));
  for (let k = 0; k < 3; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.85), H * ctx.range(0.12, 0.32), W * ctx.range(0.15, 0.28), lighten(c.sky, 0.55), 0.4));
  // Far shore: hills and a small town.
  out.push(ridge(ctx, horizon - u * 3, u * 6, 7, mix(c.sky, c.deep, 0.3), horizon + 1));
  out.push(buildings(ctx, horizon + 1, u * 2, u * 6, u * 2, u * 4.5, mix(c.sky, c.deep, 0.45)).replace(/<line[^>]*>/gu, ''));
  // Water.
  const water = linear(ctx, [
    [0, mix(lighten(c.sky, 0.2), c.accent, 0.15)],
    [0.35, mix(c.sky, c.ground, 0.5)],
    [1, mix(c.ground, c.deep, 0.55)],
  ]);
  out.push(rect(0, horizon, W, H - horizon, water));
  for (let k = 0; k < 26; k++) {
    const y = horizon + u * 1.5 + (H - horizon) * Math.pow(k / 26, 1.4);
    const w = u * ctx.range(2, 7) * (1 + (y - horizon) / (H * 0.2));
    out.push(rect(sx - w / 2 + ctx.range(-u * 2, u * 2), y, w, Math.max(1, u * 0.35), lighten(c.accent, 0.45), `opacity="${f(0.55 - k * 0.015)}" rx="${f(u * 0.2)}"`));
  }
  for (let k = 0; k < 60; k++) {
    const y = ctx.range(horizon + u * 2, H);
    const depth = (y - horizon) / (H - horizon);
    out.push(rect(ctx.range(-u * 5, W), y, u * ctx.range(2, 6) * (0.5 + depth * 2), Math.max(1, u * 0.25 * (0.5 + depth)), lighten(c.sky, 0.4), `opacity="0.28" rx="${f(u * 0.2)}"`));
  }
  // Boats at three depths.
  const sails = [lighten(c.sky, 0.85), lighten(c.accent, 0.6), '#f7f3ea'] as const;
  const pierLeft = ctx.chance(0.5);
  for (let k = 0; k < 4; k++) {
    const y = horizon + (H - horizon) * (0.12 + k * 0.16);
    const s = u * (0.4 + k * 0.2);
    const hull = ctx.pick([c.deep, darken(c.accent, 0.15), mix(c.deep, c.ground, 0.4), '#f1ece2'] as const);
        // Near boats keep to the open water away from the pier.
    const half = (k < 2) === pierLeft ? 0.08 : 0.5;
    const bxFrac = half + (k % 2) * 0.22 + ctx.range(0.04, 0.16);
    out.push(boat(W * bxFrac, y, s, hull, ctx.pick(sails), '#f4efe6', k % 2 === 1 || ctx.chance(0.3)));
  }
  // Pier in the foreground.
  const pierY = H * 0.8;
  const pierX = pierLeft ? -u * 2 : W * 0.62;
  const pierW = W * 0.4;
  for (let x = pierX + u * 2; x < pierX + pierW; x += u * 6) {
    out.push(rect(x, pierY, u * 1.2, H - pierY, darken(c.deep, 0.2)));
  }
  out.push(rect(pierX, pierY - u * 2, pierW, u * 2.4, mix(c.deep, c.accent, 0.25)));
  out.push(rect(pierX, pierY + u * 0.4, pierW, u * 0.8, darken(c.deep, 0.3)));
  for (let x = pierX + u * 4; x < pierX + pierW; x += u * 12) {
    out.push(rect(x, pierY - u * 5, u * 1.4, u * 3.2, darken(c.deep, 0.15), `rx="${f(u * 0.4)}"`));
  }
  // Gulls.
  for (let k = 0; k < 4; k++) {
    const bx = W * ctx.range(0.1, 0.9);
    const by = H * ctx.range(0.12, 0.4);
    const s = u * ctx.range(0.8, 1.3);
    out.push(path(`M${f(bx - s)},${f(by - s * 0.4)} Q${f(bx - s * 0.5)},${f(by - s * 0.9)} ${f(bx)},${f(by)} Q${f(bx + s * 0.5)},${f(by - s * 0.9)} ${f(bx + s)},${f(by - s * 0.4)}`, 'none', `stroke="${lighten(c.sky, 0.9)}" stroke-width="${f(u * 0.3)}" stroke-linecap="round"`));
  }
  return out.join('');
}

function fields(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.35)];
  out.push(sun(ctx, W * ctx.range(0.15, 0.85), H * ctx.range(0.18, 0.3), u * 7));
  for (let k = 0; k < 3; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.85), H * ctx.range(0.1, 0.3), W * ctx.range(0.12, 0.24), lighten(c.sky, 0.7), 0.55));
  out.push(ridge(ctx, H * 0.48, u * 8, 6, mix(c.sky, c.ground, 0.45)));
  // Tree line on the far ridge.
  for (let x = ctx.range(0, u * 3); x < W; x += u * ctx.range(2.2, 5)) {
    out.push(circle(x, H * 0.5, u * ctx.range(1.2, 2.2), mix(c.sky, c.deep, 0.45)));
  }
  out.push(ridge(ctx, H * 0.55, u * 4, 5, mix(c.sky, c.ground, 0.7)));
  // Patchwork middle band.
  const bandTop = H * 0.56;
  const bandBottom = H * 0.66;
  const patch = [c.ground, mix(c.ground, c.accent, 0.45), lighten(c.ground, 0.2), mix(c.ground, c.deep, 0.2)] as const;
  let x = -u * 4;
  while (x < W) {
    const w = u * ctx.range(12, 30);
    const skew = u * ctx.range(-4, 4);
    out.push(poly([[x, bandTop], [x + w, bandTop], [x + w + skew, bandBottom], [x + skew, bandBottom]], ctx.pick(patch)));
    x += w;
  }
  // Barn and silo.
  const bx = W * ctx.range(0.12, 0.7);
  const by = bandTop + u * 1;
  const barn = mix(c.accent, '#8e2b1f', 0.55);
  out.push(rect(bx + u * 12, by - u * 13, u * 4.5, u * 13, lighten(c.deep, 0.55)));
  out.push(path(`M${f(bx + u * 12)},${f(by - u * 13)} A${f(u * 2.25)},${f(u * 2.25)} 0 0 1 ${f(bx + u * 16.5)},${f(by - u * 13)} Z`, lighten(c.deep, 0.45)));
  out.push(rect(bx, by - u * 7, u * 11, u * 7, barn));
  out.push(poly([[bx - u * 1, by - u * 7], [bx + u * 2.5, by - u * 11], [bx + u * 8.5, by - u * 11], [bx + u * 12, by - u * 7]], darken(barn, 0.35)));
  out.push(rect(bx + u * 4, by - u * 4.5, u * 3, u * 4.5, darken(barn, 0.45)));
  out.push(path(`M${f(bx + u * 4)},${f(by - u * 4.5)} L${f(bx + u * 7)},${f(by)} M${f(bx + u * 7)},${f(by - u * 4.5)} L${f(bx + u * 4)},${f(by)}`, 'none', `stroke="${lighten(barn, 0.5)}" stroke-width="${f(u * 0.3)}"`));
  // Foreground rows converging on a vanishing point.
  const top = bandBottom;
  const vp: [number, number] = [W * ctx.range(0.35, 0.65), H * 0.35];
  const field = [mix(c.ground, c.deep, 0.1), lighten(c.ground, 0.12)] as const;
  out.push(rect(0, top, W, H - top, field[0]));
  const n = 34;
  for (let k = 0; k < n; k += 1) {
    if (k % 2 === 1) continue;
    const x0 = -W * 1.2 + (W * 3.4 * k) / n;
    const x1 = -W * 1.2 + (W * 3.4 * (k + 1)) / n;
    const at = (bx0: number): number => vp[0] + ((bx0 - vp[0]) * (top - vp[1])) / (H - vp[1]);
    out.push(poly([[at(x0), top], [at(x1), top], [x1, H], [x0, H]], field[1]));
  }
  const haze = linear(ctx, [
    [0, lighten(c.sky, 0.4), 0.45],
    [1, lighten(c.sky, 0.4), 0],
  ]);
  out.push(rect(0, top, W, (H - top) * 0.35, haze));
  return out.join('');
}

function river(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const horizon = H * 0.5;
  const out = [sky(ctx, 0.35)];
  const sx = W * ctx.range(0.35, 0.65);
  out.push(sun(ctx, sx, H * 0.28, u * 7));
  for (let k = 0; k < 3; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.85), H * ctx.range(0.1, 0.3), W * ctx.range(0.14, 0.26), lighten(c.sky, 0.65), 0.5));
  out.push(ridge(ctx, horizon - u * 4, u * 10, 6, mix(c.sky, c.deep, 0.3)));
  out.push(ridge(ctx, horizon, u * 5, 8, mix(c.sky, c.ground, 0.55)));
  out.push(rect(0, horizon + u * 2, W, H, mix(c.ground, c.deep, 0.05)));
  out.push(ridge(ctx, horizon + u * 3, u * 2, 8, c.ground));
  // The river winds from a narrow point near the horizon to the full width of the foreground.
  const topX = W * ctx.range(0.42, 0.58);
  const topY = horizon + u * 3;
  const bend = W * ctx.range(0.12, 0.22) * (ctx.chance(0.5) ? 1 : -1);
  const L: [Pt, Pt, Pt, Pt] = [[topX - u * 1.5, topY], [topX - u * 3 + bend, H * 0.62], [topX - W * 0.2 - bend, H * 0.74], [W * 0.08, H]];
  const R: [Pt, Pt, Pt, Pt] = [[topX + u * 1.5, topY], [topX + u * 4 + bend, H * 0.62], [topX + W * 0.25 - bend, H * 0.74], [W * 0.92, H]];
  const pt = (q: Pt): string => `${f(q[0])},${f(q[1])}`;
  const left = `M${pt(L[0])} C${pt(L[1])} ${pt(L[2])} ${pt(L[3])}`;
  const right = `L${pt(R[3])} C${pt(R[2])} ${pt(R[1])} ${pt(R[0])} Z`;
  const bankAt = (y: number): [number, number] => [bezierXAt(...L, y), bezierXAt(...R, y)];
  const water = linear(ctx, [
    [0, lighten(c.sky, 0.35)],
    [0.5, mix(c.sky, c.deep, 0.25)],
    [1, mix(c.sky, c.deep, 0.5)],
  ]);
  const riverD = `${left} ${right}`;
  out.push(path(riverD, mix(c.ground, c.deep, 0.35), `transform="translate(${f(u * 0.8)} 0)"`));
  out.push(path(riverD, water));
  const clip = ctx.id('river');
  ctx.defs.push(`<clipPath id="${clip}"><path d="${riverD}"/></clipPath>`);
  const streaks: string[] = [];
  for (let k = 0; k < 40; k++) {
    const y = ctx.range(topY + u * 2, H);
    const depth = (y - topY) / (H - topY);
    streaks.push(rect(W * ctx.range(0.05, 0.9), y, u * ctx.range(2, 8) * (0.3 + depth * 2), Math.max(1, u * 0.3 * (0.4 + depth)), lighten(c.sky, 0.6), `opacity="0.45" rx="${f(u * 0.2)}"`));
  }
  out.push(group(streaks.join(''), `clip-path="url(#${clip})"`));
  // A canoe with two paddlers, drifting downstream.
  const cy = H * 0.8;
  const [cl, cr] = bankAt(cy);
  const cxp = cl + (cr - cl) * ctx.range(0.35, 0.65);
  const hull = c.accent;
  const paddler = darken(c.deep, 0.2);
  out.push(ellipse(cxp, cy + u * 1.5, u * 14, u * 1.2, darken(c.deep, 0.3), `opacity="0.25"`));
  for (const px of [cxp - u * 5, cxp + u * 4]) {
    out.push(rect(px - u * 1.6, cy - u * 6, u * 3.2, u * 6, paddler, `rx="${f(u * 1.2)}"`) + circle(px, cy - u * 7.6, u * 1.5, paddler));
    out.push(line(px + u * 3, cy - u * 8, px - u * 3, cy + u * 2, darken(paddler, 0.2), u * 0.45));
  }
  out.push(path(`M${f(cxp - u * 13)},${f(cy - u * 1.5)} Q${f(cxp)},${f(cy + u * 3)} ${f(cxp + u * 13)},${f(cy - u * 1.5)} Q${f(cxp)},${f(cy + u * 0.4)} ${f(cxp - u * 13)},${f(cy - u * 1.5)} Z`, hull));
  // Trees along both banks, bigger as they come closer.
  for (let k = 0; k < 14; k++) {
    const t = k / 14;
    const y = topY + (H - topY) * (0.08 + t * 0.8);
    const h = u * (6 + t * 26);
    const side = k % 2 === 0 ? -1 : 1;
    // Keep clear of the water: plant each tree beyond the bank at its own depth.
    const [bl, br] = bankAt(y);
    const x = side < 0 ? bl - h * 0.4 - ctx.range(u * 2, u * 12) : br + h * 0.4 + ctx.range(u * 2, u * 12);
    const col = mix(c.deep, c.ground, ctx.range(0.2, 0.55));
    out.push(ctx.chance(0.5) ? conifer(x, y, h, col) : roundTree(ctx, x, y, h, col));
  }
  // Reeds.
  for (let k = 0; k < 40; k++) {
    const x = ctx.chance(0.5) ? W * ctx.range(0, 0.14) : W * ctx.range(0.86, 1);
    const h = u * ctx.range(5, 12);
    out.push(path(`M${f(x)},${f(H)} Q${f(x + u)},${f(H - h * 0.6)} ${f(x + u * ctx.range(-2, 3))},${f(H - h)}`, 'none', `stroke="${mix(c.deep, c.ground, 0.3)}" stroke-width="${f(u * 0.45)}" stroke-linecap="round"`));
  }
  return out.join('');
}

function capitol(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.2)];
  for (let k = 0; k < 4; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.85), H * ctx.range(0.12, 0.35), W * ctx.range(0.14, 0.26), lighten(c.sky, 0.75), 0.6));
  const gY = H * 0.8;
  const cx = W / 2;
  const bw = Math.min(W * 0.84, H * 1.35);
  const stone = mix('#f3eee3', c.sky, 0.1);
  const shade = mix(stone, c.deep, 0.3);
  const dark = mix(stone, c.deep, 0.6);
  // Background trees.
  for (let k = 0; k < 16; k++) {
    const x = ctx.chance(0.5) ? W * ctx.range(-0.02, 0.2) : W * ctx.range(0.8, 1.02);
    out.push(roundTree(ctx, x, gY + u, u * ctx.range(18, 30), mix(c.ground, c.deep, ctx.range(0.3, 0.6))));
  }
  // Dome.
  const drumW = bw * 0.24;
  const drumTop = H * 0.34;
  const drumBottom = H * 0.47;
  const domeW = drumW * 0.94;
  const domeH = H * 0.15;
  const domeFill = linear(ctx, [
    [0, lighten(c.ground, 0.35)],
    [0.55, c.ground],
    [1, darken(c.ground, 0.3)],
  ], 0, 0, 1, 0);
  out.push(path(`M${f(cx - domeW / 2)},${f(drumTop)} A${f(domeW / 2)},${f(domeH)} 0 0 1 ${f(cx + domeW / 2)},${f(drumTop)} Z`, domeFill));
  for (let k = -3; k <= 3; k++) {
    if (k === 0) {
      out.push(line(cx, drumTop - domeH, cx, drumTop, darken(c.ground, 0.25), u * 0.3));
      continue;
    }
    const xk = (k / 4) * (domeW / 2);
    out.push(path(`M${f(cx)},${f(drumTop - domeH)} A${f(Math.abs(xk))},${f(domeH)} 0 0 ${k > 0 ? 1 : 0} ${f(cx + xk)},${f(drumTop)}`, 'none', `stroke="${darken(c.ground, 0.25)}" stroke-width="${f(u * 0.3)}"`));
  }
  // Lantern and flag.
  const lt = drumTop - domeH;
  out.push(rect(cx - u * 2, lt - u * 4.5, u * 4, u * 4.8, stone));
  out.push(rect(cx - u * 1.2, lt - u * 4, u * 0.7, u * 3.6, shade) + rect(cx + u * 0.5, lt - u * 4, u * 0.7, u * 3.6, shade));
  out.push(path(`M${f(cx - u * 2.4)},${f(lt - u * 4.5)} A${f(u * 2.4)},${f(u * 2.4)} 0 0 1 ${f(cx + u * 2.4)},${f(lt - u * 4.5)} Z`, c.ground));
  out.push(line(cx, lt - u * 6.8, cx, lt - u * 14, dark, u * 0.35));
  out.push(path(`M${f(cx)},${f(lt - u * 14)} Q${f(cx + u * 3)},${f(lt - u * 15)} ${f(cx + u * 6)},${f(lt - u * 13.5)} L${f(cx + u * 6)},${f(lt - u * 10.3)} Q${f(cx + u * 3)},${f(lt - u * 11.7)} ${f(cx)},${f(lt - u * 10.8)} Z`, c.accent));
  // Drum with columns.
  out.push(rect(cx - drumW / 2 - u, drumTop - u * 1.2, drumW + u * 2, u * 1.5, stone));
  out.push(rect(cx - drumW / 2, drumTop, drumW, drumBottom - drumTop, shade));
  const drumCols = 9;
  for (let k = 0; k < drumCols; k++) {
    const x = cx - drumW / 2 + (drumW * (k + 0.5)) / drumCols;
    out.push(rect(x - u * 0.7, drumTop + u * 0.3, u * 1.4, drumBottom - drumTop - u * 0.3, stone));
  }
  out.push(rect(cx - drumW / 2 - u * 2, drumBottom - u * 2, drumW + u * 4, u * 3.5, stone));
  // Wings.
  const wingTop = H * 0.52;
  const plinth = gY - u * 4;
  out.push(rect(cx - bw / 2, wingTop, bw, plinth - wingTop, stone));
  out.push(rect(cx - bw / 2 - u, wingTop - u * 1.5, bw + u * 2, u * 1.8, shade));
  out.push(rect(cx - bw / 2, wingTop + u * 0.3, bw, u * 0.6, dark, `opacity="0.35"`));
  const winW = u * 1.7;
  const porticoW = bw * 0.3;
  for (let row = 0; row < 2; row++) {
    const wy = wingTop + u * 3 + row * u * 9;
    for (let x = cx - bw / 2 + u * 3; x < cx + bw / 2 - u * 3; x += u * 4.2) {
      if (Math.abs(x + winW / 2 - cx) < porticoW / 2 + u * 2) continue;
      out.push(rect(x, wy + winW / 2, winW, u * 5, dark) + circle(x + winW / 2, wy + winW / 2, winW / 2, dark));
    }
  }
  // Portico: steps, columns, pediment.
  const pTop = wingTop - u * 3;
  out.push(poly([[cx - porticoW / 2 - u * 1.5, pTop], [cx, pTop - u * 9], [cx + porticoW / 2 + u * 1.5, pTop]], stone));
  out.push(poly([[cx - porticoW / 2 + u * 1.5, pTop - u * 0.8], [cx, pTop - u * 7.6], [cx + porticoW / 2 - u * 1.5, pTop - u * 0.8]], shade));
  out.push(rect(cx - porticoW / 2 - u * 1.5, pTop, porticoW + u * 3, u * 3.2, stone));
  out.push(rect(cx - porticoW / 2, pTop + u * 3.2, porticoW, plinth - pTop - u * 3.2, dark, `opacity="0.75"`));
  const cols = 8;
  for (let k = 0; k < cols; k++) {
    const x = cx - porticoW / 2 + u * 1.2 + ((porticoW - u * 2.4) * k) / (cols - 1);
    out.push(rect(x - u * 0.9, pTop + u * 3.2, u * 1.8, plinth - pTop - u * 3.2, stone));
    out.push(rect(x - u * 1.2, pTop + u * 3.2, u * 2.4, u * 0.8, shade));
    out.push(rect(x - u * 0.35, pTop + u * 4.5, u * 0.3, plinth - pTop - u * 5, shade, `opacity="0.5"`));
  }
  out.push(rect(cx - bw / 2 - u * 1.5, plinth, bw + u * 3, gY - plinth, shade));
  for (let k = 0; k < 4; k++) {
    const sw = porticoW + u * (4 + k * 3);
    out.push(rect(cx - sw / 2, plinth + k * u, sw, u, k % 2 === 0 ? stone : mix(stone, shade, 0.5)));
  }
  // Lawn and a path.
  out.push(rect(0, gY, W, H - gY, mix(c.ground, c.deep, 0.15)));
  out.push(poly([[cx - porticoW / 2 - u * 5, gY], [cx + porticoW / 2 + u * 5, gY], [cx + W * 0.3, H], [cx - W * 0.3, H]], mix(stone, c.sky, 0.2)));
  // Foreground trees.
  out.push(roundTree(ctx, W * 0.04, H * 1.02, u * 42, mix(c.ground, c.deep, 0.6)));
  out.push(roundTree(ctx, W * 0.96, H * 1.02, u * 38, mix(c.ground, c.deep, 0.55)));
  return out.join('');
}

function market(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.3)];
  // Row of shopfronts behind the stalls.
  let x = -u * 3;
  const facades = [mix(c.ground, '#f2e8d8', 0.5), mix(c.accent, '#f2e8d8', 0.6), mix(c.deep, '#f2e8d8', 0.65), mix(c.sky, c.deep, 0.3)] as const;
  while (x < W) {
    const w = u * ctx.range(16, 26);
    const top = H * ctx.range(0.12, 0.25);
    const fill = ctx.pick(facades);
    out.push(rect(x, top, w, H, fill));
    out.push(rect(x - u * 0.5, top, w + u, u * 1.6, darken(fill, 0.2)));
    for (let wy = top + u * 5; wy < H * 0.42; wy += u * 9) {
      for (let wx = x + u * 2.5; wx < x + w - u * 4; wx += u * 6) {
        out.push(rect(wx, wy, u * 3.2, u * 5.5, mix(c.sky, c.deep, 0.55)) + rect(wx - u * 0.4, wy + u * 5.5, u * 4, u * 0.8, lighten(fill, 0.4)));
      }
    }
    x += w;
  }
  // String lights.
  const lightsY = H * 0.38;
  for (let k = 0; k < 2; k++) {
    const y0 = lightsY + k * u * 4;
    const sag = u * 7;
    out.push(path(`M0,${f(y0)} Q${f(W * 0.25)},${f(y0 + sag)} ${f(W * 0.5)},${f(y0)} Q${f(W * 0.75)},${f(y0 + sag)} ${f(W)},${f(y0)}`, 'none', `stroke="${c.deep}" stroke-width="${f(u * 0.25)}"`));
    for (let t = 0.02; t < 1; t += 0.04) {
      const local = (t % 0.5) / 0.5;
      const ly = y0 + sag * 2 * local * (1 - local) + u * 0.8;
      out.push(circle(W * t, ly, u * 1.6, lighten(c.accent, 0.4), `opacity="0.3"`) + circle(W * t, ly, u * 0.55, lighten(c.accent, 0.6)));
    }
  }
  // Pavement.
  const floorY = H * 0.8;
  out.push(rect(0, floorY, W, H - floorY, mix(c.deep, '#9a958c', 0.6)));
  for (let y = floorY + u * 3; y < H; y += u * 4) out.push(rect(0, y, W, u * 0.2, mix(c.deep, '#9a958c', 0.4)));
  // Stalls.
  const stallW = u * 34;
  const count = Math.ceil(W / stallW) + 1;
  const start = -ctx.range(0, stallW * 0.5);
  const produce = ['#c8412e', '#e88a2a', '#e8c33c', '#6f9a3a', '#7b3f6e', '#d9653f', '#3f7a3a'] as const;
  for (let k = 0; k < count; k++) {
    const sx = start + k * stallW;
    const awningTop = H * 0.5;
    const awningBottom = H * 0.6;
    const color = k % 2 === 0 ? c.accent : mix(c.ground, c.accent, 0.3);
    const stripes = 8;
    // Poles.
    out.push(rect(sx + u * 2, awningBottom, u * 0.8, floorY - awningBottom + u * 2, darken(c.deep, 0.2)));
    out.push(rect(sx + stallW - u * 4, awningBottom, u * 0.8, floorY - awningBottom + u * 2, darken(c.deep, 0.2)));
    // Awning: sloped stripes with a scalloped hem.
    for (let s = 0; s < stripes; s++) {
      const x0 = sx + u + ((stallW - u * 3) * s) / stripes;
      const x1 = sx + u + ((stallW - u * 3) * (s + 1)) / stripes;
      const inset = u * 2;
      out.push(poly([[x0 + inset * (1 - s / stripes), awningTop], [x1 + inset * (1 - (s + 1) / stripes), awningTop], [x1, awningBottom], [x0, awningBottom]], s % 2 === 0 ? color : '#f6f0e4'));
    }
    const scallops = stripes;
    for (let s = 0; s < scallops; s++) {
      const x0 = sx + u + ((stallW - u * 3) * (s + 0.5)) / scallops;
      out.push(circle(x0, awningBottom, (stallW - u * 3) / scallops / 2, s % 2 === 0 ? color : '#f6f0e4'));
    }
    out.push(rect(sx + u * 0.5, awningTop - u * 0.6, stallW - u * 2, u * 0.9, darken(color, 0.35)));
    // Table with cloth and crates of produce.
    const tableY = H * 0.7;
    out.push(rect(sx + u, tableY, stallW - u * 3, floorY - tableY + u, mix(c.deep, '#f6f0e4', 0.15)));
    out.push(rect(sx + u, tableY, stallW - u * 3, u * 1.5, lighten(c.deep, 0.2)));
    for (let cr = 0; cr < 3; cr++) {
      const cw = (stallW - u * 6) / 3;
      const cxr = sx + u * 2.5 + cr * (cw + u * 0.4);
      const fruit = ctx.pick(produce);
      const r = u * ctx.range(1.1, 1.7);
      for (let row = 0; row < 2; row++) {
        for (let fx = cxr + r; fx < cxr + cw - r * 0.5; fx += r * 1.8) {
          out.push(circle(fx + (row % 2) * r * 0.9, tableY - r * 0.6 - row * r * 1.2, r, row === 0 ? fruit : lighten(fruit, 0.12)));
        }
      }
      out.push(rect(cxr, tableY - u * 1.6, cw, u * 3, mix('#a8763e', c.deep, 0.2)));
      out.push(rect(cxr, tableY - u * 0.4, cw, u * 0.4, darken('#a8763e', 0.3)));
    }
  }
  // A few shoppers, spaced along the pavement.
  const slots = Math.max(3, Math.floor(W / (u * 30)));
  for (let k = 0; k < slots; k++) {
    if (ctx.chance(0.35)) continue;
    const px = ((k + ctx.range(0.25, 0.75)) * W) / slots;
    const col = mix(c.deep, '#1c1c1c', ctx.range(0.1, 0.4));
    const h = u * ctx.range(30, 36);
    out.push(figure(px, H + u * 6, h, col));
    if (ctx.chance(0.5)) out.push(path(`M${f(px + h * 0.13)},${f(H + u * 6 - h * 0.5)} l${f(h * 0.05)},${f(h * 0.12)} l${f(h * 0.12)},0 l${f(h * 0.03)},${f(-h * 0.12)} Z`, mix(c.accent, '#f6f0e4', 0.4)));
  }
  return out.join('');
}

function classroom(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const wall = linear(ctx, [
    [0, mix(c.sky, '#ffffff', 0.15)],
    [1, mix(c.sky, c.deep, 0.12)],
  ]);
  const out = [rect(0, 0, W, H, wall)];
  const floorY = H * 0.66;
  // Chalkboard.
  const bx = W * 0.5 - Math.min(W * 0.3, u * 55);
  const bw = Math.min(W * 0.48, u * 88);
  const by = H * 0.17;
  const bh = H * 0.36;
  out.push(rect(bx - u * 1.5, by - u * 1.5, bw + u * 3, bh + u * 3, mix('#9a6b3f', c.deep, 0.2), `rx="${f(u * 0.6)}"`));
  out.push(rect(bx, by, bw, bh, mix(c.ground, '#1f3a30', 0.6)));
  out.push(rect(bx - u * 2, by + bh + u * 1.2, bw + u * 4, u * 1.2, mix('#9a6b3f', c.deep, 0.35)));
  const chalk = `stroke="#eef2ea" stroke-linecap="round" opacity="0.85"`;
  // Scribbled lines of "writing", a plotted curve and a diagram.
  for (let k = 0; k < 4; k++) {
    let lx = bx + u * 4;
    const ly = by + u * 5 + k * u * 4;
    while (lx < bx + bw * 0.5) {
      const w = u * ctx.range(2, 6);
      out.push(path(`M${f(lx)},${f(ly)} q${f(w / 4)},${f(-u * 0.8)} ${f(w / 2)},0 t${f(w / 2)},0`, 'none', `${chalk} stroke-width="${f(u * 0.3)}"`));
      lx += w + u * 1.5;
    }
  }
  const gx = bx + bw * 0.6;
  const gy = by + bh - u * 5;
  out.push(path(`M${f(gx)},${f(by + u * 4)} L${f(gx)},${f(gy)} L${f(bx + bw - u * 4)},${f(gy)}`, 'none', `${chalk} stroke-width="${f(u * 0.35)}"`));
  const pts: [number, number][] = [];
  for (let k = 0; k <= 8; k++) pts.push([gx + ((bx + bw - u * 6 - gx) * k) / 8, gy - u * 2 - ctx.range(0, bh * 0.55) * (k / 8 + 0.2)]);
  out.push(`<polyline points="${pts.map(([px, py]) => `${f(px)},${f(py)}`).join(' ')}" fill="none" ${chalk} stroke-width="${f(u * 0.35)}" stroke-linejoin="round"/>`);
  out.push(circle(bx + bw * 0.22, by + bh * 0.72, u * 4, 'none', `${chalk} stroke-width="${f(u * 0.3)}"`));
  out.push(path(`M${f(bx + bw * 0.22 - u * 4)},${f(by + bh * 0.72)} L${f(bx + bw * 0.22 + u * 4)},${f(by + bh * 0.72)}`, 'none', `${chalk} stroke-width="${f(u * 0.3)}"`));
  // Clock.
  const clockX = bx + bw / 2;
  out.push(circle(clockX, by - u * 7, u * 4, '#fbfaf6', `stroke="${c.deep}" stroke-width="${f(u * 0.6)}"`));
  out.push(line(clockX, by - u * 7, clockX, by - u * 9.8, c.deep, u * 0.4) + line(clockX, by - u * 7, clockX + u * 2, by - u * 6, c.deep, u * 0.4));
  // Window on the right with sky and a tree.
  const wx = bx + bw + u * 10;
  if (wx < W - u * 8) {
    const ww = Math.min(u * 30, W - wx - u * 4);
    const winSky = linear(ctx, [
      [0, lighten(c.sky, 0.1)],
      [1, mix(lighten(c.sky, 0.5), c.accent, 0.3)],
    ]);
    out.push(rect(wx - u, by - u * 5, ww + u * 2, bh + u * 9, '#f7f4ec'));
    out.push(rect(wx, by - u * 4, ww, bh + u * 7, winSky));
    out.push(circle(wx + ww * 0.7, by + u * 6, u * 4, lighten(c.accent, 0.3)));
    out.push(roundTree(ctx, wx + ww * 0.3, by + bh + u * 5, u * 26, mix(c.ground, c.deep, 0.3)));
    out.push(rect(wx + ww / 2 - u * 0.5, by - u * 4, u, bh + u * 7, '#f7f4ec'));
    out.push(rect(wx, by + bh * 0.4, ww, u, '#f7f4ec'));
  }
  // Pendant lights.
  for (let k = 0; k < 3; k++) {
    const lx = W * (0.2 + k * 0.3);
    out.push(line(lx, 0, lx, u * 6, c.deep, u * 0.25));
    out.push(path(`M${f(lx - u * 3.5)},${f(u * 9)} A${f(u * 3.5)},${f(u * 3)} 0 0 1 ${f(lx + u * 3.5)},${f(u * 9)} Z`, c.accent));
    out.push(ellipse(lx, u * 9, u * 2.5, u * 0.8, lighten(c.accent, 0.7)));
  }
  // Floor with planks.
  const floor = linear(ctx, [
    [0, mix('#b98a55', c.ground, 0.25)],
    [1, mix('#8e6337', c.deep, 0.3)],
  ]);
  out.push(rect(0, floorY, W, H - floorY, floor));
  out.push(rect(0, floorY - u * 1.5, W, u * 1.5, mix(c.deep, c.sky, 0.3)));
  for (let k = -12; k <= 12; k++) {
    const x0 = W / 2 + k * u * 6;
    const x1 = W / 2 + k * u * 22;
    out.push(line(x0, floorY, x1, H, darken('#8e6337', 0.2), u * 0.15, `opacity="0.5"`));
  }
  // Desks in perspective, with chair backs toward the viewer.
  const deskTop = mix('#d7b47e', c.accent, 0.2);
  const chair = mix(c.ground, c.deep, 0.2);
  for (let row = 0; row < 3; row++) {
    const y = floorY + u * 6 + row * u * 11;
    const s = 0.75 + row * 0.28;
    const spacing = u * 26 * s;
    const n = Math.ceil(W / spacing) + 1;
    const offset = W / 2 - Math.floor(n / 2) * spacing + (row % 2) * u * 2;
    for (let k = 0; k < n; k++) {
      const dx = offset + k * spacing;
      const dw = u * 14 * s;
      const dd = u * 3.5 * s;
      out.push(line(dx - dw / 2 + u, y, dx - dw / 2 + u, y + u * 9 * s, darken(c.deep, 0.2), u * 0.5 * s));
      out.push(line(dx + dw / 2 - u, y, dx + dw / 2 - u, y + u * 9 * s, darken(c.deep, 0.2), u * 0.5 * s));
      out.push(poly([[dx - dw / 2 + u * s, y - dd], [dx + dw / 2 - u * s, y - dd], [dx + dw / 2, y], [dx - dw / 2, y]], deskTop));
      out.push(rect(dx - dw / 2, y, dw, u * 0.9 * s, darken(deskTop, 0.25)));
      // Chair back.
      out.push(rect(dx - dw * 0.3, y + u * 2.5 * s, dw * 0.6, u * 4 * s, chair, `rx="${f(u * 1.2 * s)}"`));
      out.push(line(dx - dw * 0.22, y + u * 6.5 * s, dx - dw * 0.22, y + u * 12 * s, darken(chair, 0.3), u * 0.5 * s));
      out.push(line(dx + dw * 0.22, y + u * 6.5 * s, dx + dw * 0.22, y + u * 12 * s, darken(chair, 0.3), u * 0.5 * s));
    }
  }
  return out.join('');
}

function forest(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.55)];
  const sx = W * ctx.range(0.3, 0.7);
  const sy = H * ctx.range(0.22, 0.32);
  out.push(sun(ctx, sx, sy, u * 8));
  const layers = 5;
  for (let l = 0; l < layers; l++) {
    const t = l / (layers - 1);
    const baseY = H * (0.55 + t * 0.4);
    const color = mix(mix(c.sky, c.accent, 0.15), mix(c.deep, c.ground, 0.25), 0.28 + t * 0.72);
    out.push(ridge(ctx, l === layers - 1 ? baseY - u * 8 : baseY, u * 3, 6, color));
    const h0 = u * (10 + t * 34);
    let x = -ctx.range(0, h0 * 0.3);
    while (x < W + h0 * 0.3) {
      const h = h0 * ctx.range(0.7, 1.25);
      out.push(conifer(x, baseY + u * 2, h, color, 3 + (l > 2 ? 1 : 0)));
      x += h * ctx.range(0.18, 0.32);
    }
    if (l < layers - 1) {
      const haze = linear(ctx, [
        [0, mix(c.sky, c.accent, 0.2), 0],
        [1, mix(c.sky, c.accent, 0.2), 0.45],
      ]);
      out.push(rect(0, baseY - u * 20, W, H, haze));
    } else {
      out.push(ridge(ctx, baseY + u * 1, u * 2, 7, darken(color, 0.15)));
    }
  }
  // Light shafts through the haze, fading as they reach the ground.
  const shaft = linear(ctx, [
    [0, lighten(c.accent, 0.7), 0.1],
    [1, lighten(c.accent, 0.7), 0],
  ]);
  for (let k = 0; k < 6; k++) {
    const a = ctx.range(-0.8, 0.8);
    const spread = ctx.range(0.02, 0.06);
    const len = H * 1.4;
    out.push(poly([[sx, sy], [sx + Math.sin(a - spread) * len, sy + Math.cos(a - spread) * len], [sx + Math.sin(a + spread) * len, sy + Math.cos(a + spread) * len]], shaft));
  }
  return out.join('');
}

/** Bassist, singer and drummer in silhouette. */
function band(ctx: Ctx, floorY: number, fig: string): string {
  const { W, u, c } = ctx;
  const out: string[] = [];
  // Double bass and its player (left).
  const bxp = W * 0.3;
  const byp = floorY + u * 2;
  out.push(figure(bxp - u * 4.5, byp, u * 36, fig));
  out.push(path(`M${f(bxp - u * 1.5)},${f(byp - u * 27)} Q${f(bxp + u * 2)},${f(byp - u * 24)} ${f(bxp + u * 2)},${f(byp - u * 26)}`, 'none', `stroke="${fig}" stroke-width="${f(u * 1.3)}" stroke-linecap="round"`));
  out.push(circle(bxp + u * 2, byp - u * 7, u * 5.5, darken(c.accent, 0.55)) + circle(bxp + u * 2, byp - u * 14, u * 4.2, darken(c.accent, 0.55)));
  out.push(rect(bxp + u * 1.4, byp - u * 34, u * 1.2, u * 21, darken(c.accent, 0.65)));
  out.push(circle(bxp + u * 2, byp - u * 34.5, u * 1.1, darken(c.accent, 0.65)));
  out.push(line(bxp + u * 2, byp, bxp + u * 2, byp + u * 2, fig, u * 0.5));
  // Singer with microphone stand (centre).
  const mx = W * 0.5;
  out.push(figure(mx, byp, u * 38, fig));
  out.push(path(`M${f(mx + u * 5)},${f(byp - u * 27)} Q${f(mx + u * 7)},${f(byp - u * 22)} ${f(mx + u * 3.2)},${f(byp - u * 29.5)}`, 'none', `stroke="${fig}" stroke-width="${f(u * 1.4)}" stroke-linecap="round"`));
  out.push(line(mx + u * 8, byp, mx + u * 8, byp - u * 27, fig, u * 0.45) + line(mx + u * 8, byp - u * 27, mx + u * 3.5, byp - u * 32, fig, u * 0.45));
  out.push(ellipse(mx + u * 3.2, byp - u * 32.5, u * 0.9, u * 1.3, fig));
  // Drum kit (right).
  const dx = W * 0.7;
  out.push(figure(dx + u * 1, byp + u * 2, u * 32, fig));
  out.push(line(dx - u * 2, byp - u * 21, dx - u * 7, byp - u * 14, fig, u * 1.1) + line(dx + u * 4, byp - u * 21, dx + u * 8, byp - u * 14, fig, u * 1.1));
  out.push(circle(dx, byp - u * 6, u * 6, darken(c.accent, 0.5)) + circle(dx, byp - u * 6, u * 4.5, mix(c.deep, c.accent, 0.35)));
  out.push(ellipse(dx - u * 7, byp - u * 12, u * 3.2, u * 1.6, darken(c.accent, 0.5)) + rect(dx - u * 10.2, byp - u * 12, u * 6.4, u * 4, darken(c.accent, 0.5)));
  out.push(ellipse(dx + u * 7, byp - u * 13, u * 3, u * 1.4, darken(c.accent, 0.5)) + rect(dx + u * 4, byp - u * 13, u * 6, u * 3.6, darken(c.accent, 0.5)));
  out.push(line(dx - u * 11, byp, dx - u * 11, byp - u * 22, fig, u * 0.35) + ellipse(dx - u * 11, byp - u * 22, u * 5, u * 0.7, lighten(c.accent, 0.2)));
  out.push(line(dx + u * 12, byp, dx + u * 12, byp - u * 19, fig, u * 0.35) + ellipse(dx + u * 12, byp - u * 19, u * 4.2, u * 0.6, lighten(c.accent, 0.2)));
  return out.join('');
}

/** Two actors mid-scene across a kitchen table, with a chair and a standard lamp. */
function play(ctx: Ctx, floorY: number, fig: string): string {
  const { W, u, c } = ctx;
  const out: string[] = [];
  const byp = floorY + u * 3;
  const prop = mix(fig, c.accent, 0.2);
  // Standard lamp with a warm glow.
  const lx = W * 0.28;
  out.push(circle(lx, byp - u * 30, u * 9, lighten(c.accent, 0.4), `opacity="0.25"`));
  out.push(line(lx, byp, lx, byp - u * 28, prop, u * 0.6) + ellipse(lx, byp, u * 3, u * 0.7, prop));
  out.push(poly([[lx - u * 3.5, byp - u * 26], [lx + u * 3.5, byp - u * 26], [lx + u * 2, byp - u * 32], [lx - u * 2, byp - u * 32]], lighten(c.accent, 0.3)));
  // Table and a chair.
  const tx = W / 2;
  out.push(rect(tx - u * 11, byp - u * 12, u * 22, u * 1.4, prop));
  out.push(rect(tx - u * 10, byp - u * 12, u * 1.2, u * 12, prop) + rect(tx + u * 8.8, byp - u * 12, u * 1.2, u * 12, prop));
  out.push(rect(tx - u * 3, byp - u * 15.5, u * 2.6, u * 3.5, lighten(prop, 0.3), `rx="${f(u * 0.5)}"`));
  out.push(rect(tx + u * 14, byp - u * 20, u * 1.2, u * 20, prop) + rect(tx + u * 14, byp - u * 10, u * 8, u * 1.2, prop) + rect(tx + u * 20.8, byp - u * 10, u * 1.2, u * 10, prop));
  // The actors: one leaning on the table, the other turned toward him.
  out.push(figure(tx - u * 16, byp, u * 37, fig));
  out.push(path(`M${f(tx - u * 12)},${f(byp - u * 27)} Q${f(tx - u * 9)},${f(byp - u * 20)} ${f(tx - u * 7)},${f(byp - u * 13)}`, 'none', `stroke="${fig}" stroke-width="${f(u * 1.4)}" stroke-linecap="round"`));
  out.push(figure(tx + u * 9, byp, u * 34, fig));
  out.push(path(`M${f(tx + u * 5.5)},${f(byp - u * 25)} Q${f(tx + u * 1)},${f(byp - u * 24)} ${f(tx - u * 1)},${f(byp - u * 28)}`, 'none', `stroke="${fig}" stroke-width="${f(u * 1.3)}" stroke-linecap="round"`));
  return out.join('');
}

function stage(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const back = linear(ctx, [
    [0, darken(c.deep, 0.5)],
    [1, mix(c.deep, c.sky, 0.25)],
  ]);
  const out = [rect(0, 0, W, H, back)];
  // Back-wall panels.
  for (let x = u * 4; x < W; x += u * 12) out.push(rect(x, 0, u * 0.5, H, darken(c.deep, 0.55), `opacity="0.6"`));
  // Odd seeds stage a play; even seeds a band.
  const isPlay = ctx.seed % 2 === 1;
  if (isPlay) {
    // A painted window flat at the back of the set, lit from behind.
    const fw = u * 22;
    const fx = W / 2 - fw / 2 + u * 14;
    out.push(rect(fx - u, H * 0.2 - u, fw + u * 2, H * 0.3 + u * 2, darken(c.deep, 0.3)));
    out.push(rect(fx, H * 0.2, fw, H * 0.3, mix(c.accent, c.sky, 0.35), `opacity="0.85"`));
    out.push(rect(fx + fw / 2 - u * 0.5, H * 0.2, u, H * 0.3, darken(c.deep, 0.3)) + rect(fx, H * 0.35 - u * 0.5, fw, u, darken(c.deep, 0.3)));
  } else {
    // Big round light behind the band.
    out.push(circle(W / 2, H * 0.42, H * 0.22, mix(c.accent, c.sky, 0.2), `opacity="0.5"`));
    out.push(circle(W / 2, H * 0.42, H * 0.16, lighten(c.accent, 0.25), `opacity="0.55"`));
  }
  const floorY = H * 0.72;
  // Spotlight cones.
  const beam = linear(ctx, [
    [0, '#fffbe8', 0.55],
    [1, '#fffbe8', 0.04],
  ]);
  const targets = isPlay ? [W * 0.38, W * 0.62] : [W * 0.3, W * 0.5, W * 0.7];
  targets.forEach((tx, k) => {
    const fx = W * (0.2 + k * 0.3) + ctx.range(-u * 8, u * 8);
    out.push(poly([[fx - u, 0], [fx + u, 0], [tx + u * 14, floorY + u * 2], [tx - u * 14, floorY + u * 2]], beam));
  });
  // Stage floor.
  const floor = linear(ctx, [
    [0, mix(c.deep, '#6b4a2f', 0.5)],
    [1, darken(c.deep, 0.4)],
  ]);
  out.push(rect(0, floorY, W, H - floorY, floor));
  targets.forEach((tx) => out.push(ellipse(tx, floorY + u * 3, u * 16, u * 2.4, '#fffbe8', `opacity="0.22"`)));
  out.push(rect(0, floorY, W, u * 0.6, lighten(c.accent, 0.2), `opacity="0.6"`));
  const fig = darken(c.deep, 0.6);
  out.push(isPlay ? play(ctx, floorY, fig) : band(ctx, floorY, fig));
  // Curtains.
  const curtain = c.accent === c.ground ? c.accent : c.ground;
  const drape = (x0: number, x1: number, flip: boolean): string => {
    const folds = 7;
    let s = '';
    for (let k = 0; k < folds; k++) {
      const a = x0 + ((x1 - x0) * k) / folds;
      const b2 = x0 + ((x1 - x0) * (k + 1)) / folds;
      const g = linear(ctx, [
        [0, darken(curtain, 0.45)],
        [0.5, curtain],
        [1, darken(curtain, 0.45)],
      ], 0, 0, 1, 0);
      const tie = flip ? (k / folds) * u * 10 : ((folds - k) / folds) * u * 10;
      s += path(`M${f(a)},0 L${f(b2)},0 L${f(b2)},${f(H * 0.78 - tie)} Q${f((a + b2) / 2)},${f(H * 0.8 - tie + u * 2)} ${f(a)},${f(H * 0.78 - tie)} Z`, g);
    }
    return s;
  };
  const cw = Math.min(W * 0.16, u * 26);
  out.push(drape(-u * 2, cw, false) + drape(W - cw, W + u * 2, true));
  // Valance.
  out.push(rect(0, 0, W, u * 6, darken(curtain, 0.25)));
  for (let x = 0; x < W + u * 8; x += u * 8) out.push(ellipse(x, u * 6, u * 4.2, u * 2.8, darken(curtain, 0.25)));
  // Audience heads.
  for (let x = -u * 2; x < W + u * 4; x += u * ctx.range(6, 9)) {
    const hs = u * ctx.range(2.4, 3.2);
    const hy = H - u * ctx.range(5, 9);
    const col = darken(c.deep, ctx.range(0.7, 0.85));
    out.push(circle(x, hy, hs, col) + ellipse(x, H + u * 2, hs * 2.6, u * 7, col));
  }
  return out.join('');
}

function transit(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.35)];
  out.push(sun(ctx, W * ctx.range(0.1, 0.9), H * ctx.range(0.18, 0.28), u * 6));
  for (let k = 0; k < 3; k++) out.push(cloud(ctx, W * ctx.range(-0.1, 0.85), H * ctx.range(0.1, 0.3), W * ctx.range(0.14, 0.26), lighten(c.sky, 0.7), 0.5));
  out.push(buildings(ctx, H * 0.62, H * 0.12, H * 0.36, u * 8, u * 15, mix(c.sky, c.deep, 0.35), {
    lit: mix(c.sky, '#ffffff', 0.4),
    dark: mix(c.sky, c.deep, 0.45),
    p: 0.5,
  }));
  const deckY = H * 0.66;
  // Catenary masts and wire.
  for (let x = u * 6; x < W; x += u * 28) {
    out.push(rect(x, H * 0.3, u * 1, deckY - H * 0.3, mix(c.deep, c.sky, 0.3)));
    out.push(rect(x, H * 0.3, u * 8, u * 0.8, mix(c.deep, c.sky, 0.3)));
  }
  out.push(line(0, H * 0.335, W, H * 0.335, c.deep, u * 0.25));
  // Concrete guideway and piers.
  const concrete = mix('#d8d3c8', c.sky, 0.2);
  for (let x = u * 10; x < W; x += u * 40) {
    out.push(poly([[x, deckY + u * 5], [x + u * 7, deckY + u * 5], [x + u * 6, H], [x + u * 1, H]], mix(concrete, c.deep, 0.25)));
  }
  out.push(rect(0, H * 0.9, W, H * 0.1, mix(c.ground, c.deep, 0.2)));
  for (let k = 0; k < 9; k++) out.push(roundTree(ctx, W * ctx.range(0, 1), H * 0.96, u * ctx.range(10, 17), mix(c.ground, c.deep, ctx.range(0.1, 0.4))));
  out.push(rect(0, deckY, W, u * 5, concrete));
  out.push(rect(0, deckY + u * 4, W, u * 1.2, mix(concrete, c.deep, 0.3)));
  // The train: a long body entering from the left with a rounded nose.
  const body = '#f4f1ea';
  const noseX = W * ctx.range(0.72, 0.88);
  const topY = H * 0.4;
  const botY = deckY - u * 2.5;
  const bh = botY - topY;
  const d = `M${f(-u * 5)},${f(topY)} L${f(noseX - bh * 0.6)},${f(topY)} Q${f(noseX + bh * 0.15)},${f(topY + u)} ${f(noseX + bh * 0.35)},${f(topY + bh * 0.6)} L${f(noseX + bh * 0.35)},${f(botY)} L${f(-u * 5)},${f(botY)} Z`;
  // Motion streaks behind.
  for (let k = 0; k < 6; k++) {
    const y = topY + bh * ctx.range(0.1, 0.9);
    out.push(rect(-u * 2, y, W * ctx.range(0.1, 0.25), u * 0.4, lighten(c.sky, 0.6), `opacity="0.5"`));
  }
  out.push(path(d, body));
  out.push(rect(-u * 5, topY + bh * 0.72, noseX + bh * 0.35 + u * 5, bh * 0.1, c.accent));
  out.push(rect(-u * 5, topY + bh * 0.84, noseX + bh * 0.35 + u * 5, bh * 0.04, c.deep));
  const glass = linear(ctx, [
    [0, mix(c.deep, c.sky, 0.4)],
    [1, darken(c.deep, 0.3)],
  ]);
  const carLen = u * 46;
  for (let x = noseX - carLen; x > -carLen; x -= carLen) {
    out.push(rect(x, topY, u * 0.5, bh, mix(body, c.deep, 0.35)));
    for (let wx = x + u * 5; wx < x + carLen - u * 8; wx += u * 9) {
      out.push(rect(wx, topY + bh * 0.18, u * 6.5, bh * 0.36, glass, `rx="${f(u * 0.8)}"`));
      out.push(poly([[wx + u * 1.5, topY + bh * 0.18], [wx + u * 3, topY + bh * 0.18], [wx + u * 1, topY + bh * 0.54], [wx - u * 0.5, topY + bh * 0.54]], '#ffffff', `opacity="0.18"`));
    }
    out.push(rect(x + carLen - u * 7.5, topY + bh * 0.12, u * 5, bh * 0.6, mix(body, c.deep, 0.15), `rx="${f(u * 0.5)}"`));
    out.push(line(x + carLen - u * 5, topY + bh * 0.12, x + carLen - u * 5, topY + bh * 0.72, mix(body, c.deep, 0.4), u * 0.3));
    // Bogies.
    for (const bx of [x + u * 9, x + carLen - u * 12]) {
      out.push(rect(bx - u * 1, botY, u * 8, u * 2.5, darken(c.deep, 0.3)));
      out.push(circle(bx + u * 1, botY + u * 1.8, u * 1.4, darken(c.deep, 0.5)) + circle(bx + u * 5, botY + u * 1.8, u * 1.4, darken(c.deep, 0.5)));
    }
  }
  // Windscreen and headlight on the nose.
  out.push(path(`M${f(noseX - bh * 0.45)},${f(topY + bh * 0.16)} L${f(noseX - bh * 0.05)},${f(topY + bh * 0.16)} Q${f(noseX + bh * 0.22)},${f(topY + bh * 0.3)} ${f(noseX + bh * 0.3)},${f(topY + bh * 0.55)} L${f(noseX - bh * 0.45)},${f(topY + bh * 0.55)} Z`, glass));
  out.push(circle(noseX + bh * 0.28, topY + bh * 0.68, u * 1.6, lighten(c.accent, 0.7), `opacity="0.5"`) + circle(noseX + bh * 0.28, topY + bh * 0.68, u * 0.7, '#ffffff'));
  // Pantograph.
  const px = noseX - u * 30;
  const wireY = H * 0.335;
  const kneeY = (topY + wireY) / 2;
  out.push(rect(px - u * 3, topY - u * 0.8, u * 7, u * 0.8, mix(body, c.deep, 0.5)));
  out.push(path(`M${f(px - u * 2)},${f(topY - u * 0.8)} L${f(px + u * 3)},${f(kneeY)} L${f(px)},${f(wireY + u * 0.4)}`, 'none', `stroke="${c.deep}" stroke-width="${f(u * 0.4)}" stroke-linejoin="round"`));
  out.push(line(px - u * 2.5, wireY + u * 0.4, px + u * 2.5, wireY + u * 0.4, c.deep, u * 0.5));
  return out.join('');
}

function storm(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const top = linear(ctx, [
    [0, darken(c.deep, 0.35)],
    [0.7, mix(c.deep, c.sky, 0.4)],
    [1, mix(c.sky, c.accent, 0.2)],
  ]);
  const out = [rect(0, 0, W, H, top)];
  // Lightning glow behind the clouds.
  const lx = W * ctx.range(0.55, 0.8);
  const flash = radial(ctx, [
    [0, lighten(c.accent, 0.5), 0.35],
    [1, lighten(c.accent, 0.5), 0],
  ]);
  out.push(circle(lx, H * 0.4, H * 0.45, flash));
  // Banks of cloud, darker toward the viewer.
  for (let band = 0; band < 3; band++) {
    const y = H * (0.12 + band * 0.09);
    const col = mix(mix(c.deep, c.sky, 0.45), darken(c.deep, 0.3), band / 2);
    for (let x = -W * 0.1; x < W * 1.05; x += W * ctx.range(0.12, 0.2)) {
      out.push(cloud(ctx, x, y + u * ctx.range(-3, 3), W * ctx.range(0.2, 0.32), col, 0.95));
    }
  }
  // Lightning bolt.
  let bx = lx;
  let by = H * 0.34;
  let d = `M${f(bx)},${f(by)}`;
  while (by < H * 0.66) {
    bx += u * ctx.range(-4, 4);
    by += u * ctx.range(3, 6);
    d += ` L${f(bx)},${f(by)}`;
  }
  out.push(path(d, 'none', `stroke="${lighten(c.accent, 0.6)}" stroke-width="${f(u * 2)}" opacity="0.3" stroke-linejoin="round"`));
  out.push(path(d, 'none', `stroke="#ffffff" stroke-width="${f(u * 0.6)}" stroke-linejoin="round"`));
  // Rain.
  const rain: string[] = [];
  for (let k = 0; k < 260; k++) {
    const x = ctx.range(-W * 0.1, W * 1.1);
    const y = ctx.range(H * 0.25, H);
    const len = u * ctx.range(2.5, 5);
    rain.push(`M${f(x)},${f(y)} l${f(-len * 0.35)},${f(len)}`);
  }
  out.push(path(rain.join(' '), 'none', `stroke="${lighten(c.sky, 0.55)}" stroke-width="${f(Math.max(1, u * 0.18))}" opacity="0.45" stroke-linecap="round"`));
  // Houses and bent trees on the far bank.
  const gY = H * 0.74;
  const house = darken(c.deep, 0.35);
  out.push(rect(0, gY - u, W, u * 3, house));
  let x = -u * 3;
  while (x < W) {
    const hw = u * ctx.range(8, 14);
    const hh = u * ctx.range(6, 10);
    if (ctx.chance(0.25)) {
      const th = u * ctx.range(12, 18);
      out.push(path(`M${f(x + hw * 0.4)},${f(gY)} Q${f(x + hw * 0.45)},${f(gY - th * 0.6)} ${f(x + hw * 0.8)},${f(gY - th)}`, 'none', `stroke="${house}" stroke-width="${f(u * 0.8)}"`));
      const crown = `transform="rotate(-25 ${f(x + hw * 0.95)} ${f(gY - th)})"`;
      out.push(group(ellipse(x + hw * 0.95, gY - th, u * 5.5, u * 2.6, house) + ellipse(x + hw * 0.6, gY - th + u * 2.4, u * 4, u * 2.2, house) + ellipse(x + hw * 1.3, gY - th - u * 1.2, u * 3.2, u * 1.6, house), crown));
    } else {
      out.push(rect(x, gY - hh, hw, hh + 1, house));
      out.push(poly([[x - u, gY - hh + 1], [x + hw / 2, gY - hh - hw * 0.4], [x + hw + u, gY - hh + 1]], house));
      if (ctx.chance(0.6)) out.push(rect(x + hw * 0.3, gY - hh * 0.65, u * 2, u * 2.2, lighten(c.accent, 0.2)));
    }
    x += hw + u * ctx.range(1, 5);
  }
  // Floodwater with reflected lights.
  const water = linear(ctx, [
    [0, mix(c.deep, c.sky, 0.35)],
    [1, darken(c.deep, 0.45)],
  ]);
  out.push(rect(0, gY + u * 2, W, H, water));
  for (let k = 0; k < 40; k++) {
    const y = ctx.range(gY + u * 3, H);
    out.push(rect(ctx.range(0, W), y, u * ctx.range(3, 10), Math.max(1, u * 0.3), lighten(c.sky, 0.4), `opacity="0.3" rx="${f(u * 0.2)}"`));
  }
  for (let k = 0; k < 14; k++) {
    const rx = ctx.range(0, W);
    const ry = ctx.range(gY + u * 6, H - u * 2);
    out.push(ellipse(rx, ry, u * 3, u * 0.8, 'none', `stroke="${lighten(c.sky, 0.5)}" stroke-width="${f(u * 0.2)}" opacity="0.4"`));
  }
  // A utility pole leaning into the wind.
  const px = W * ctx.range(0.08, 0.25);
  out.push(line(px, H, px + u * 6, gY - u * 28, darken(c.deep, 0.55), u * 1.4));
  out.push(line(px + u * 0, gY - u * 22, px + u * 12, gY - u * 24, darken(c.deep, 0.55), u * 0.9));
  out.push(path(`M${f(px + u * 5)},${f(gY - u * 23)} Q${f(W * 0.5)},${f(gY - u * 10)} ${f(W * 1.05)},${f(gY - u * 18)}`, 'none', `stroke="${darken(c.deep, 0.55)}" stroke-width="${f(u * 0.25)}"`));
  return out.join('');
}

function library(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const wall = linear(ctx, [
    [0, darken(c.ground, 0.15)],
    [1, mix(c.ground, c.deep, 0.35)],
  ]);
  const out = [rect(0, 0, W, H, wall)];
  const floorY = H * 0.84;
  // Arched window at the centre with a shaft of light.
  const ww = u * 26;
  const wx = W / 2 - ww / 2;
  const wTop = H * 0.14;
  const wBottom = H * 0.66;
  const glass = linear(ctx, [
    [0, lighten(c.sky, 0.15)],
    [1, mix(lighten(c.sky, 0.55), c.accent, 0.35)],
  ]);
  const arch = `M${f(wx)},${f(wBottom)} L${f(wx)},${f(wTop + ww / 2)} A${f(ww / 2)},${f(ww / 2)} 0 0 1 ${f(wx + ww)},${f(wTop + ww / 2)} L${f(wx + ww)},${f(wBottom)} Z`;
  out.push(path(arch, lighten(c.ground, 0.25), `transform="translate(0 0)" stroke="${lighten(c.ground, 0.3)}" stroke-width="${f(u * 3)}"`));
  out.push(path(arch, glass));
  out.push(circle(W / 2 + ww * 0.15, wTop + ww * 0.6, u * 4, lighten(c.accent, 0.5), `opacity="0.7"`));
  out.push(rect(W / 2 - u * 0.4, wTop, u * 0.8, wBottom - wTop, lighten(c.ground, 0.3)));
  for (let y = wTop + ww / 2; y < wBottom; y += u * 9) out.push(rect(wx, y, ww, u * 0.7, lighten(c.ground, 0.3)));
  out.push(poly([[wx, wBottom], [wx + ww, wBottom], [W / 2 + ww * 1.6, H], [W / 2 - ww * 0.2, H]], lighten(c.accent, 0.6), `opacity="0.12"`));
  // Bookcases to either side.
  const bookColors = ['#7a2e2e', '#2f4f6f', '#3f6b4a', '#b07d2b', '#5b3f6b', '#8a8576', '#a3532f', '#d9c8a2', '#26323f'] as const;
  const wood = mix('#6b4526', c.deep, 0.25);
  const shelfH = u * 11;
  const cases: [number, number][] = [
    [-u * 2, wx - u * 6],
    [wx + ww + u * 6, W + u * 2],
  ];
  for (const [x0, x1] of cases) {
    if (x1 - x0 < u * 6) continue;
    out.push(rect(x0, H * 0.06, x1 - x0, floorY - H * 0.06, wood));
    out.push(rect(x0 - u, H * 0.06 - u * 2, x1 - x0 + u * 2, u * 3, darken(wood, 0.2)));
    for (let sy = H * 0.06 + u * 2 + shelfH; sy <= floorY - u * 2; sy += shelfH + u * 1.2) {
      out.push(rect(x0 + u * 1.2, sy - shelfH, x1 - x0 - u * 2.4, shelfH, darken(wood, 0.5)));
      let bx = x0 + u * 1.2;
      while (bx < x1 - u * 3) {
        const bw = u * ctx.range(1, 2.4);
        const bh = shelfH * ctx.range(0.68, 0.95);
        const col = mix(ctx.pick(bookColors), c.deep, 0.15);
        if (ctx.chance(0.05) && bx + bw * 3 < x1 - u * 2) {
          out.push(rect(bx + bw, sy - bh, bw, bh, col, `transform="rotate(-14 ${f(bx + bw)} ${f(sy)})"`));
          bx += bw * 3;
          continue;
        }
        if (ctx.chance(0.04)) {
          bx += u * ctx.range(1, 3);
          continue;
        }
        out.push(rect(bx, sy - bh, bw, bh, col));
        if (bw > u * 1.5) out.push(rect(bx, sy - bh + bh * 0.15, bw, u * 0.4, lighten(col, 0.35), `opacity="0.7"`));
        bx += bw + u * 0.12;
      }
      out.push(rect(x0, sy, x1 - x0, u * 1.2, lighten(wood, 0.12)));
    }
    // Case uprights.
    out.push(rect(x0, H * 0.06, u * 1.2, floorY - H * 0.06, lighten(wood, 0.08)));
    out.push(rect(x1 - u * 1.2, H * 0.06, u * 1.2, floorY - H * 0.06, lighten(wood, 0.08)));
    for (let ux = x0 + u * 30; ux < x1 - u * 10; ux += u * 30) out.push(rect(ux, H * 0.06, u * 1.2, floorY - H * 0.06, lighten(wood, 0.08)));
  }
  // Floor.
  out.push(rect(0, floorY, W, H - floorY, mix('#5a3b22', c.deep, 0.3)));
  for (let k = -20; k <= 20; k++) out.push(line(W / 2 + k * u * 8, floorY, W / 2 + k * u * 20, H, darken('#5a3b22', 0.3), u * 0.15));
  // Reading table with two banker's lamps.
  const tY = H * 0.78;
  const tw = Math.min(W * 0.6, u * 110);
  out.push(rect(W / 2 - tw / 2 + u * 3, tY, u * 1.8, H - tY, darken(wood, 0.3)) + rect(W / 2 + tw / 2 - u * 4.8, tY, u * 1.8, H - tY, darken(wood, 0.3)));
  out.push(rect(W / 2 - tw / 2, tY - u * 2, tw, u * 2.5, lighten(wood, 0.15)));
  out.push(rect(W / 2 - tw / 2, tY + u * 0.5, tw, u * 1.2, darken(wood, 0.2)));
  for (const lxp of [W / 2 - tw * 0.28, W / 2 + tw * 0.28]) {
    out.push(circle(lxp, tY - u * 7, u * 9, lighten(c.accent, 0.4), `opacity="0.16"`));
    out.push(rect(lxp - u * 0.4, tY - u * 7, u * 0.8, u * 5, '#c9a24a') + ellipse(lxp, tY - u * 2, u * 2.5, u * 0.8, '#c9a24a'));
    out.push(path(`M${f(lxp - u * 4)},${f(tY - u * 6.5)} Q${f(lxp)},${f(tY - u * 10.5)} ${f(lxp + u * 4)},${f(tY - u * 6.5)} Z`, mix('#2f6b45', c.accent, 0.2)));
    out.push(ellipse(lxp, tY - u * 6.5, u * 3.6, u * 0.6, lighten(c.accent, 0.7)));
  }
  // A stack of books and an open book on the table.
  const sbx = W / 2 - u * 3;
  out.push(rect(sbx - u * 6, tY - u * 3.4, u * 8, u * 1.4, '#7a2e2e') + rect(sbx - u * 5.5, tY - u * 4.6, u * 7, u * 1.2, '#2f4f6f'));
  out.push(path(`M${f(sbx + u * 4)},${f(tY - u * 2)} Q${f(sbx + u * 7)},${f(tY - u * 3.5)} ${f(sbx + u * 10)},${f(tY - u * 2.6)} Q${f(sbx + u * 13)},${f(tY - u * 3.5)} ${f(sbx + u * 16)},${f(tY - u * 2)} Z`, '#f4ecd8'));
  return out.join('');
}

function solar(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.3)];
  const sx = W * ctx.range(0.12, 0.35);
  const sy = H * ctx.range(0.15, 0.25);
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * Math.PI * 2;
    out.push(line(sx + Math.cos(a) * u * 10, sy + Math.sin(a) * u * 10, sx + Math.cos(a) * u * 14, sy + Math.sin(a) * u * 14, lighten(c.accent, 0.3), u * 0.7, `stroke-linecap="round" opacity="0.8"`));
  }
  out.push(sun(ctx, sx, sy, u * 7.5));
  for (let k = 0; k < 2; k++) out.push(cloud(ctx, W * ctx.range(0.4, 0.85), H * ctx.range(0.1, 0.25), W * ctx.range(0.14, 0.22), lighten(c.sky, 0.75), 0.6));
  out.push(ridge(ctx, H * 0.46, u * 6, 5, mix(c.sky, c.ground, 0.45)));
  // A wind turbine and houses on the hill.
  const tx = W * ctx.range(0.6, 0.9);
  const tY = H * 0.44;
  const pale = lighten(c.sky, 0.7);
  out.push(poly([[tx - u * 0.6, tY], [tx + u * 0.6, tY], [tx + u * 0.3, tY - u * 22], [tx - u * 0.3, tY - u * 22]], pale));
  const rot = ctx.range(0, 120);
  for (let k = 0; k < 3; k++) {
    out.push(path(`M${f(tx)},${f(tY - u * 22)} q${f(u * 1.2)},${f(-u * 6)} 0,${f(-u * 13)} q${f(-u * 0.6)},${f(u * 6)} 0,${f(u * 13)} Z`, pale, `transform="rotate(${f(rot + k * 120)} ${f(tx)} ${f(tY - u * 22)})"`));
  }
  out.push(circle(tx, tY - u * 22, u * 0.8, mix(pale, c.deep, 0.2)));
  for (let k = 0; k < 4; k++) {
    const hx = W * ctx.range(0.05, 0.55);
    const hy = H * 0.5;
    const col = ctx.pick([lighten(c.sky, 0.8), mix(c.accent, '#ffffff', 0.5), mix(c.deep, '#ffffff', 0.6)] as const);
    out.push(rect(hx, hy - u * 4, u * 6, u * 4, col) + poly([[hx - u * 0.6, hy - u * 4], [hx + u * 3, hy - u * 7], [hx + u * 6.6, hy - u * 4]], mix(c.deep, c.accent, 0.3)));
  }
  out.push(ridge(ctx, H * 0.54, u * 3, 6, mix(c.sky, c.ground, 0.75)));
  out.push(rect(0, H * 0.56, W, H, c.ground));
  // Rows of panels, larger toward the viewer.
  const panel = mix(c.deep, '#1d3763', 0.45);
  const rows = 4;
  for (let r = 0; r < rows; r++) {
    const y = H * (0.6 + r * r * 0.035 + r * 0.06);
    const s = 0.5 + r * 0.45;
    const ph = u * 9 * s;
    const tilt = u * 3 * s;
    const frame = lighten(panel, 0.55);
    const startX = -u * 10 + r * u * 7;
    const endX = W + u * 10;
    const legColor = darken(c.deep, 0.2);
    for (let lx = startX + u * 6 * s; lx < endX; lx += u * 18 * s) {
      out.push(line(lx, y, lx, y + ph * 0.55, legColor, u * 0.5 * s) + line(lx + tilt, y - ph + u, lx + tilt, y + ph * 0.55, legColor, u * 0.5 * s));
    }
    const g = linear(ctx, [
      [0, mix(panel, c.sky, 0.45)],
      [1, panel],
    ], 0, 0, 0.3, 1);
    out.push(poly([[startX + tilt, y - ph], [endX + tilt, y - ph], [endX, y], [startX, y]], g));
    const cells = Math.ceil((endX - startX) / (u * 4.5 * s));
    const grid: string[] = [];
    for (let k = 0; k <= cells; k++) {
      const gx = startX + (k * (endX - startX)) / cells;
      grid.push(`M${f(gx + tilt)},${f(y - ph)} L${f(gx)},${f(y)}`);
    }
    for (let k = 1; k < 3; k++) {
      const fy = k / 3;
      grid.push(`M${f(startX + tilt * (1 - fy))},${f(y - ph + ph * fy)} L${f(endX + tilt * (1 - fy))},${f(y - ph + ph * fy)}`);
    }
    out.push(path(grid.join(' '), 'none', `stroke="${frame}" stroke-width="${f(Math.max(1, u * 0.22 * s))}" opacity="0.8"`));
    out.push(rect(startX, y, endX - startX, u * 0.7 * s, darken(panel, 0.35)));
    // Grass tufts.
    for (let k = 0; k < 20; k++) {
      const gx = ctx.range(0, W);
      const gy = y + ph * ctx.range(0.6, 1.2);
      out.push(path(`M${f(gx - u * s)},${f(gy)} L${f(gx)},${f(gy - u * 2 * s)} L${f(gx + u * s)},${f(gy)} Z`, darken(c.ground, 0.15)));
    }
  }
  return out.join('');
}

function mountains(ctx: Ctx): string {
  const { W, H, u, c } = ctx;
  const out = [sky(ctx, 0.4)];
  out.push(sun(ctx, W * ctx.range(0.2, 0.8), H * ctx.range(0.18, 0.3), u * 6));
  const horizon = H * 0.66;
  const snow = lighten(c.sky, 0.85);
  const range = (baseY: number, peakMin: number, peakMax: number, count: number, color: string, caps: boolean): string => {
    let s = '';
    const pts: [number, number][] = [[-W * 0.05, baseY]];
    const peaks: [number, number][] = [];
    const step = (W * 1.1) / count;
    for (let k = 0; k < count; k++) {
      const px = -W * 0.05 + step * (k + ctx.range(0.3, 0.7));
      const py = baseY - ctx.range(peakMin, peakMax);
      pts.push([px, py]);
      peaks.push([px, py]);
      pts.push([-W * 0.05 + step * (k + 1), baseY - ctx.range(peakMin * 0.2, peakMin * 0.7)]);
    }
    pts.push([W * 1.05, baseY]);
    pts.push([W * 1.05, H], [-W * 0.05, H]);
    s += poly(pts, color);
    // Shadowed flank for depth.
    for (let k = 1; k + 1 < pts.length - 2; k += 2) {
      const peak = pts[k];
      const valley = pts[k + 1];
      if (!peak || !valley) continue;
      s += poly([peak, valley, [valley[0], baseY], [peak[0], baseY]], darken(color, 0.12), `opacity="0.6"`);
    }
    if (caps) {
      for (let k = 1; k + 1 < pts.length - 2; k += 2) {
        const peak = pts[k];
        const prev = pts[k - 1];
        const next = pts[k + 1];
        if (!peak || !prev || !next) continue;
        const t = 0.28;
        const lx = peak[0] + (prev[0] - peak[0]) * t;
        const ly = peak[1] + (prev[1] - peak[1]) * t;
        const rx = peak[0] + (next[0] - peak[0]) * t;
        const ry = peak[1] + (next[1] - peak[1]) * t;
        s += poly([peak, [rx, ry], [peak[0] + (rx - peak[0]) * 0.5, ry - u * 1.5], [peak[0], ry + u * 1.5], [peak[0] + (lx - peak[0]) * 0.5, ly - u], [lx, ly]], snow);
      }
    }
    return s;
  };
  const far = range(horizon, H * 0.25, H * 0.42, 5, mix(c.sky, c.deep, 0.3), true);
  const mid = range(horizon, H * 0.12, H * 0.24, 7, mix(c.sky, c.deep, 0.55), false);
  out.push(far + mid);
  out.push(ridge(ctx, horizon + u, u * 3, 9, mix(c.ground, c.deep, 0.4), horizon + u * 3));
  // Lake with a mirrored, faded copy of the mountains.
  const lake = linear(ctx, [
    [0, lighten(c.sky, 0.2)],
    [1, mix(c.sky, c.deep, 0.45)],
  ]);
  out.push(rect(0, horizon + u * 2, W, H, lake));
  const clip = ctx.id('lake');
  ctx.defs.push(`<clipPath id="${clip}"><rect x="0" y="${f(horizon + u * 2)}" width="${f(W)}" height="${f(H)}"/></clipPath>`);
  out.push(group(group(far + mid, `opacity="0.3" transform="translate(0 ${f(horizon * 2 + u * 4)}) scale(1 -1)"`), `clip-path="url(#${clip})"`));
  for (let k = 0; k < 30; k++) {
    out.push(rect(ctx.range(0, W), ctx.range(horizon + u * 3, H), u * ctx.range(3, 9), Math.max(1, u * 0.25), lighten(c.sky, 0.6), `opacity="0.4"`));
  }
  // Foreground shore with pines.
  out.push(ridge(ctx, H * 0.92, u * 4, 6, mix(c.ground, c.deep, 0.55)));
  for (let k = 0; k < 10; k++) {
    const x = ctx.chance(0.5) ? W * ctx.range(-0.02, 0.22) : W * ctx.range(0.78, 1.02);
    out.push(conifer(x, H * 0.98, u * ctx.range(22, 42), mix(c.deep, c.ground, ctx.range(0.1, 0.3)), 4));
  }
  return out.join('');
}

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

// ---------------------------------------------------------------------------------------------
// Portraits

/** A friendly flat head-and-shoulders portrait, drawn on a 100 × 100 grid and scaled to `size`. */
export function renderPortrait(pt: DemoPortrait, size: number): string {
  const s = Math.max(16, Math.round(size));
  const skinShade = darken(pt.skin, 0.14);
  const hairShade = darken(pt.hair, 0.2);
  const ink = darken(pt.skin, 0.7);
  const parts: string[] = [];
  parts.push(rect(0, 0, 100, 100, pt.background));
  parts.push(circle(50, 46, 34, lighten(pt.background, 0.18)));
  // Hair that falls behind the head and shoulders.
  if (pt.hairStyle === 'long') {
    parts.push(path('M29,46 C27,24 40,17 50,17 C62,17 74,25 71,46 L75,80 C66,86 34,86 25,80 Z', pt.hair));
  } else if (pt.hairStyle === 'curly') {
    const ring: [number, number, number][] = [
      [30, 52, 7], [28, 42, 7.5], [31, 32, 8], [38, 24, 8], [48, 20, 8.5], [58, 21, 8], [66, 27, 8], [71, 36, 7.5], [72, 46, 7], [70, 55, 6.5], [30, 60, 6],
    ];
    for (const [x, y, r] of ring) parts.push(circle(x, y, r, pt.hair));
  } else if (pt.hairStyle === 'bun') {
    parts.push(circle(50, 19, 9, pt.hair) + circle(47, 17, 4, lighten(pt.hair, 0.12), `opacity="0.6"`));
  }
  // Shoulders, collar and neck.
  parts.push(path('M14,101 C14,82 28,73 50,73 C72,73 86,82 86,101 Z', pt.clothing));
  parts.push(rect(43, 58, 14, 18, skinShade, 'rx="5"'));
  parts.push(path('M41,73 L50,86 L59,73 Z', skinShade));
  parts.push(path('M36,77 L43,73 L50,88 L44,90 Z M64,77 L57,73 L50,88 L56,90 Z', darken(pt.clothing, 0.15)));
  // Ears and head.
  parts.push(ellipse(31.5, 49, 3.5, 5, skinShade) + ellipse(68.5, 49, 3.5, 5, skinShade));
  parts.push(ellipse(50, 46, 18.5, 21.5, pt.skin));
  // Front hair.
  if (pt.hairStyle === 'short') {
    parts.push(path('M31,46 C29,27 40,21 51,21 C63,21 72,29 69,46 C67,38 64,33 58,31 C50,34 40,34 35,34 C33,37 32,41 31,46 Z', pt.hair));
  } else if (pt.hairStyle === 'long') {
    parts.push(path('M31,50 C29,28 40,22 51,22 C63,22 71,30 69,50 C67,40 64,34 60,31 C53,37 42,36 36,33 C33,38 32,44 31,50 Z', pt.hair));
    parts.push(path('M60,31 C54,36 46,37 40,35', 'none', `stroke="${hairShade}" stroke-width="0.8" opacity="0.6"`));
  } else if (pt.hairStyle === 'bun') {
    parts.push(path('M31.5,45 C30,28 40,23 50,23 C61,23 71,29 68.5,45 C66,35 60,30 50,30 C41,30 34,35 31.5,45 Z', pt.hair));
  } else if (pt.hairStyle === 'curly') {
    for (const [x, y, r] of [[36, 30, 6], [44, 26, 6.5], [53, 25, 6.5], [61, 28, 6], [67, 34, 5], [32, 37, 5]] as [number, number, number][]) {
      parts.push(circle(x, y, r, pt.hair));
    }
  } else {
    parts.push(path('M31.5,48 C31,43 32,40 33.5,38 L34.5,48 Z M68.5,48 C69,43 68,40 66.5,38 L65.5,48 Z', pt.hair, 'opacity="0.9"'));
    parts.push(ellipse(44, 30, 5, 2.5, lighten(pt.skin, 0.25), 'opacity="0.5"'));
  }
  // Face.
  parts.push(path('M39.5,42.5 Q43,40.5 46.5,42.3 M53.5,42.3 Q57,40.5 60.5,42.5', 'none', `stroke="${pt.hairStyle === 'bald' ? darken(pt.skin, 0.5) : hairShade}" stroke-width="1.5" stroke-linecap="round"`));
  parts.push(ellipse(43, 48, 1.7, 2.1, ink) + ellipse(57, 48, 1.7, 2.1, ink));
  parts.push(circle(43.6, 47.3, 0.55, '#ffffff') + circle(57.6, 47.3, 0.55, '#ffffff'));
  parts.push(path('M50,50 Q48.2,55 50.5,55.6', 'none', `stroke="${darken(pt.skin, 0.28)}" stroke-width="1.1" stroke-linecap="round"`));
  parts.push(path('M44.5,59.5 Q50,64 55.5,59.5', 'none', `stroke="${darken(pt.skin, 0.5)}" stroke-width="1.5" stroke-linecap="round"`));
  parts.push(circle(39.5, 55, 3, '#e86f6f', 'opacity="0.16"') + circle(60.5, 55, 3, '#e86f6f', 'opacity="0.16"'));
  if (pt.glasses) {
    const frame = `stroke="#2a2a2e" stroke-width="1.3" fill="#ffffff" fill-opacity="0.12"`;
    parts.push(`<rect x="36.5" y="43.5" width="12.5" height="9.5" rx="3.5" ${frame}/><rect x="51" y="43.5" width="12.5" height="9.5" rx="3.5" ${frame}/>`);
    parts.push(path('M49,47 Q50,46 51,47 M36.5,47 L32,46 M63.5,47 L68,46', 'none', 'stroke="#2a2a2e" stroke-width="1.2" stroke-linecap="round"'));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 100 100">${parts.join('')}</svg>`;
}
