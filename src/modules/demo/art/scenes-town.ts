/** Town scenes: skyline, harbor, capitol, market and transit. */
import { mix, lighten, darken, f, type Ctx, linear, rect, circle, path, poly, line, group } from './svg.js';
import { sky, sun, cloud, ridge, roundTree, figure, buildings } from './elements.js';

export function skyline(ctx: Ctx): string {
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

export function harbor(ctx: Ctx): string {
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

export function capitol(ctx: Ctx): string {
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

export function market(ctx: Ctx): string {
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

export function transit(ctx: Ctx): string {
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
