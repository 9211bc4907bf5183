/**
 * The two small files the ads module serves itself: the ad frame's stylesheet and the script that
 * tells a third-party tag how it may run (CSP allows no inline script, so the server's decision
 * travels in data attributes and this same-origin file turns it into window.__scmsAds). Their
 * paths carry a hash of their content, so they may be cached for good.
 */
import crypto from 'node:crypto';

export const FRAME_CSS = `html,body{height:100%;margin:0;padding:0;background:transparent;overflow:hidden}
a.ad{display:block;width:100%;height:100%}
a.ad img{display:block;width:100%;height:100%;object-fit:contain}
.beacon{position:absolute;width:1px;height:1px;opacity:0}
`;

export const TAG_CONFIG_JS = `// How the publication's ad tag may run, as the server decided for this page.
(function () {
  var s = document.currentScript;
  window.__scmsAds = { npa: !!s && s.getAttribute('data-npa') === '1' };
})();
`;

const hashed = (name: string, ext: string, body: string) => `/ads/${name}.${crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)}.${ext}`;

export const FRAME_CSS_PATH = hashed('frame', 'css', FRAME_CSS);
export const TAG_CONFIG_PATH = hashed('tag-config', 'js', TAG_CONFIG_JS);
