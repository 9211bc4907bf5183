/** Colour and number helpers, the seeded PRNG, the drawing context and SVG primitives every scene uses. */
import type { ArtSpec } from '../types.js';

// ---------------------------------------------------------------------------------------------
// Colour and number helpers

export type Rgb = [number, number, number];

export function toRgb(color: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(color.trim());
  let hex = match?.[1] ?? '808080';
  if (hex.length === 3) hex = hex.replace(/./gu, (ch) => ch + ch);
  const value = Number.parseInt(hex, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  const part = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

/** Linear blend of two colours, t = 0 gives `from`, t = 1 gives `to`. */
export function mix(from: string, to: string, t: number): string {
  const a = toRgb(from);
  const b = toRgb(to);
  return toHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}
export const lighten = (color: string, t: number): string => mix(color, '#ffffff', t);
export const darken = (color: string, t: number): string => mix(color, '#000000', t);

/** Short decimal for the SVG source. */
export const f = (v: number): string => String(Math.round(v * 10) / 10);

/** mulberry32: small, fast and good enough for picture-making. */
export function prng(seed: number): () => number {
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

export interface Colors {
  /** Sky, wall or background. */
  sky: string;
  /** Land, structure or main material. */
  ground: string;
  /** Sun, lights, awnings: the warm highlight. */
  accent: string;
  /** Silhouettes and shadows. */
  deep: string;
}

export interface Ctx {
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

export function makeCtx(spec: ArtSpec, W: number, H: number): Ctx {
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

export type Stop = [offset: number, color: string, opacity?: number];

export function stopsSvg(stops: Stop[]): string {
  return stops
    .map(([o, color, op]) => `<stop offset="${f(o)}" stop-color="${color}"${op === undefined ? '' : ` stop-opacity="${f(op)}"`}/>`)
    .join('');
}

/** Registers a linear gradient (object bounding box units) and returns its url(). */
export function linear(ctx: Ctx, stops: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const id = ctx.id('lg');
  ctx.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsSvg(stops)}</linearGradient>`);
  return `url(#${id})`;
}

export function radial(ctx: Ctx, stops: Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = ctx.id('rg');
  ctx.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopsSvg(stops)}</radialGradient>`);
  return `url(#${id})`;
}

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(Math.max(0, h))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
export const circle = (x: number, y: number, r: number, fill: string, extra = ''): string =>
  `<circle cx="${f(x)}" cy="${f(y)}" r="${f(Math.max(0, r))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
export const ellipse = (x: number, y: number, rx: number, ry: number, fill: string, extra = ''): string =>
  `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(Math.max(0, rx))}" ry="${f(Math.max(0, ry))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
export const path = (d: string, fill: string, extra = ''): string => `<path d="${d}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
export const poly = (points: [number, number][], fill: string, extra = ''): string =>
  `<polygon points="${points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra = ''): string =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${stroke}" stroke-width="${f(width)}"${extra ? ` ${extra}` : ''}/>`;
export const group = (content: string, attrs: string): string => `<g ${attrs}>${content}</g>`;
