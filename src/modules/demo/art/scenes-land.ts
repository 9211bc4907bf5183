/** Landscape scenes: fields, river, forest, storm, solar farm and mountains. */
import { mix, lighten, darken, f, type Ctx, linear, radial, rect, circle, ellipse, path, poly, line, group } from './svg.js';
import { sky, sun, cloud, ridge, conifer, roundTree, type Pt, bezierXAt } from './elements.js';

export function fields(ctx: Ctx): string {
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

export function river(ctx: Ctx): string {
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

export function forest(ctx: Ctx): string {
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

export function storm(ctx: Ctx): string {
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

export function solar(ctx: Ctx): string {
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

export function mountains(ctx: Ctx): string {
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
