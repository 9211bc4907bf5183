/** Parses a response body as HTML for assertions about what a reader would see. */
import * as cheerio from 'cheerio';

export function parse(html: string) {
  return cheerio.load(html);
}

export function text(html: string): string {
  return cheerio.load(html)('body').text().replace(/\s+/gu, ' ').trim();
}
