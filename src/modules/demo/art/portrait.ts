/** Author portraits for the demo publication. */
import type { DemoPortrait } from '../types.js';
import { lighten, darken, rect, circle, ellipse, path } from './svg.js';

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
