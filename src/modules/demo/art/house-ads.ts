/**
 * The demo's two house ads (the publication promoting itself, as small newsrooms do): drawn as
 * SVG at twice the 300×250 slot and rasterised like the rest of the demo art. Text is set in
 * DejaVu, which Debian ships by default (librsvg draws no text when a machine has no fonts).
 */
import { darken, lighten } from './svg.js';

export interface HouseAdArt {
  name: string;
  alt: string;
  /** Site path the ad links to (the seed makes it a full address). */
  path: string;
  svg: (accent: string) => string;
}

const W = 600;
const H = 500;
const SERIF = "font-family=\"DejaVu Serif, Georgia, serif\"";
const SANS = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

const lines = (x: number, y: number, step: number, attrs: string, texts: string[]) =>
  texts.map((t, i) => `<text x="${x}" y="${y + i * step}" ${attrs}>${t}</text>`).join('');

const button = (x: number, y: number, width: number, label: string, fill: string, ink: string) =>
  `<rect x="${x}" y="${y}" width="${width}" height="64" rx="8" fill="${fill}"/>` +
  `<text x="${x + width / 2}" y="${y + 42}" text-anchor="middle" ${SANS} font-size="26" font-weight="bold" fill="${ink}">${label}</text>`;

export const houseAds: HouseAdArt[] = [
  {
    name: 'Support the Ledger (house)',
    alt: 'Local news needs local readers. Support The Civic Ledger from $1.',
    path: '/support',
    svg: (accent) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
      `<rect width="${W}" height="${H}" fill="${darken(accent, 0.25)}"/>` +
      `<circle cx="${W - 40}" cy="60" r="150" fill="${accent}" opacity="0.55"/>` +
      `<rect x="48" y="56" width="64" height="6" fill="${lighten(accent, 0.6)}"/>` +
      lines(48, 136, 62, `${SERIF} font-size="52" font-weight="bold" fill="#ffffff"`, ['Local news needs', 'local readers.']) +
      lines(48, 284, 38, `${SANS} font-size="26" fill="${lighten(accent, 0.75)}"`, ['Keep The Civic Ledger free for', 'everyone, from $1 a month.']) +
      button(48, 372, 260, 'Support us  →', '#ffffff', darken(accent, 0.3)) +
      `</svg>`,
  },
  {
    name: 'The Morning Ledger newsletter (house)',
    alt: 'The Morning Ledger: the day’s news from Millbrook in your inbox by 7 a.m. Free. Sign up.',
    path: '/newsletter',
    svg: (accent) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
      `<rect width="${W}" height="${H}" fill="#f6f1e7"/>` +
      `<rect x="0" y="0" width="${W}" height="14" fill="${accent}"/>` +
      `<text x="48" y="92" ${SANS} font-size="22" font-weight="bold" letter-spacing="3" fill="${accent}">FREE DAILY BRIEFING</text>` +
      lines(48, 170, 62, `${SERIF} font-size="54" font-weight="bold" fill="#1d1d1b"`, ['The Morning', 'Ledger']) +
      lines(48, 300, 36, `${SANS} font-size="25" fill="#4a4a45"`, ['The day’s news from Millbrook,', 'in your inbox by 7 a.m.']) +
      button(48, 384, 220, 'Sign up  →', accent, '#ffffff') +
      `</svg>`,
  },
];
