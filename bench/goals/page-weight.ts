/**
 * Goal 4: what a reader downloads before the article can be read — the page's own HTML plus the
 * stylesheets and scripts it references, uncompressed and as brotli — and proof that nothing it
 * loads comes from another origin (no third-party CSS, JS or images).
 */
import * as cheerio from 'cheerio';
import { bytes, int } from '../lib/format.js';
import { get } from '../lib/http-get.js';
import { row, type Section } from '../lib/report.js';

export const WEIGHT_TARGET_BYTES = 60 * 1024;

interface Resource {
  kind: 'html' | 'css' | 'js';
  url: string;
  rawBytes: number;
  brotliBytes: number;
}

async function fetchResource(kind: Resource['kind'], url: string): Promise<Resource> {
  const raw = await get(url);
  if (raw.status !== 200) throw new Error(`GET ${url} answered ${raw.status}`);
  const br = await get(url, { 'accept-encoding': 'br' });
  // A server that does not compress a resource sends it as is; count what would travel.
  const brotliBytes = br.headers['content-encoding'] === 'br' ? br.body.length : raw.body.length;
  return { kind, url, rawBytes: raw.body.length, brotliBytes };
}

/** Every URL an element makes the browser fetch: src, href and each candidate of a srcset. */
function referencedUrls($: cheerio.CheerioAPI) {
  const attr = (selector: string, name: string) => $(selector).map((_i, el) => $(el).attr(name) ?? '').get().filter((u: string) => u !== '');
  const stylesheets = $('link[rel]')
    .filter((_i, el) => ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/u).includes('stylesheet'))
    .map((_i, el) => $(el).attr('href') ?? '')
    .get()
    .filter((u: string) => u !== '');
  const scripts = attr('script[src]', 'src');
  const srcsets = [...attr('img[srcset]', 'srcset'), ...attr('source[srcset]', 'srcset')].flatMap((set) => set.split(',').map((c) => c.trim().split(/\s+/u)[0] ?? '')).filter((u) => u !== '');
  const images = [...attr('img[src]', 'src'), ...srcsets];
  const others = [...attr('iframe[src]', 'src'), ...attr('link[rel="preload"]', 'href'), ...attr('link[rel="modulepreload"]', 'href'), ...attr('link[rel="icon"]', 'href')];
  return { stylesheets, scripts, images, others };
}

export async function pageWeightGoal(origin: string, pagePath: string): Promise<Section> {
  const pageUrl = origin + pagePath;
  const html = await fetchResource('html', pageUrl);
  const page = await get(pageUrl);
  const $ = cheerio.load(page.body.toString('utf8'));
  const refs = referencedUrls($);
  const absolute = (u: string) => new URL(u, pageUrl);
  const foreign = (urls: string[]) => urls.map(absolute).filter((u) => u.origin !== origin).map((u) => u.href);

  const blockingForeign = foreign([...refs.stylesheets, ...refs.scripts]);
  const allForeign = foreign([...refs.stylesheets, ...refs.scripts, ...refs.images, ...refs.others]);
  const ownCss = refs.stylesheets.map(absolute).filter((u) => u.origin === origin);
  const ownJs = refs.scripts.map(absolute).filter((u) => u.origin === origin);
  const resources = [html, ...(await Promise.all(ownCss.map((u) => fetchResource('css', u.href)))), ...(await Promise.all(ownJs.map((u) => fetchResource('js', u.href))))];
  const total = resources.reduce((sum, r) => sum + r.rawBytes, 0);
  const totalBr = resources.reduce((sum, r) => sum + r.brotliBytes, 0);
  const sum = (kind: Resource['kind'], key: 'rawBytes' | 'brotliBytes') => resources.filter((r) => r.kind === kind).reduce((s, r) => s + r[key], 0);
  const inlineScripts = $('script:not([src])').filter((_i, el) => ($(el).attr('type') ?? '') !== 'application/ld+json').length;

  return {
    id: '4 page weight',
    title: '4. Page weight of the article page (HTML + same-origin CSS + JS, before compression; brotli as served)',
    rows: [
      row('HTML', `${bytes(sum('html', 'rawBytes'))}; br ${bytes(sum('html', 'brotliBytes'))}`),
      row(`CSS (${ownCss.length} file(s))`, `${bytes(sum('css', 'rawBytes'))}; br ${bytes(sum('css', 'brotliBytes'))}`),
      row(`JS (${ownJs.length} file(s))`, `${bytes(sum('js', 'rawBytes'))}; br ${bytes(sum('js', 'brotliBytes'))}`),
      row('total before compression', bytes(total), `≤ ${bytes(WEIGHT_TARGET_BYTES)}`, total <= WEIGHT_TARGET_BYTES),
      row('total brotli', bytes(totalBr)),
      row('render-blocking requests to other origins', int(blockingForeign.length), '0', blockingForeign.length === 0),
      row('other-origin URLs of any kind (script, stylesheet, img, srcset, iframe, preload, icon)', int(allForeign.length), '0', allForeign.length === 0),
      row('images referenced (src + srcset candidates, not in the weight)', int(refs.images.length)),
      row('inline scripts (excluding JSON-LD)', int(inlineScripts)),
    ],
    notes: allForeign.length ? [`other-origin URLs: ${allForeign.join(', ')}`] : [],
    data: { resources, totalBytes: total, totalBrotliBytes: totalBr, target: WEIGHT_TARGET_BYTES, blockingForeign, allForeign, imageUrls: refs.images.length },
  };
}
