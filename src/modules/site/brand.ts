/**
 * The favicon and the publisher logo used in JSON-LD when the publication has not uploaded one:
 * drawn from its name and accent colour, so a new publication looks finished from the start.
 */
import sharp from 'sharp';

function initial(name: string): string {
  const letter = name.replace(/^the\s+/iu, '').trim().charAt(0).toUpperCase() || 'S';
  return escapeXml(letter);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

export function faviconSvg(name: string, accent: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${accent}"/><text x="32" y="45" font-family="Georgia, 'Times New Roman', serif" font-size="40" font-weight="700" text-anchor="middle" fill="#fff">${initial(name)}</text></svg>`;
}

/** A 600×60 wordmark, the size Google's publisher logo guidelines describe. */
export async function logoPng(name: string, accent: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60"><rect width="600" height="60" fill="#ffffff"/><text x="300" y="42" font-family="Georgia, 'Times New Roman', serif" font-size="34" font-weight="700" text-anchor="middle" fill="${accent}">${escapeXml(name)}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
