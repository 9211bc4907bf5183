/** Indoor scenes: classroom, stage (a band or a play) and library. */
import { mix, lighten, darken, f, type Ctx, linear, rect, circle, ellipse, path, poly, line } from './svg.js';
import { roundTree, figure } from './elements.js';

export function classroom(ctx: Ctx): string {
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

export function stage(ctx: Ctx): string {
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

export function library(ctx: Ctx): string {
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
