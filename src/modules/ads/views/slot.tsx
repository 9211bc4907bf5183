/**
 * An ad slot in the page: labelled "Advertisement", its space reserved so nothing shifts. House
 * ads fill an iframe per request (/ads/slot/…), so the page around it stays cacheable; a
 * third-party tag fills the marked box itself. Which one, and whether the slot is there at all,
 * depends only on the settings, the visitor's variant facts and the inventory (see inventory.ts).
 */
import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../../site/context.js';
import { houseSlotCanFill } from '../inventory.js';
import { TAG_CONFIG_PATH } from '../static-files.js';

/** The medium rectangle: fits the narrowest phones and the article column. */
export const SLOT_WIDTH = 300;
export const SLOT_HEIGHT = 250;
/**
 * No scripts, forms or plugins in the frame; a click may open the advertiser's page. allow-same-origin
 * (safe without allow-scripts: nothing can run to use it) lets the frame load the site's own images
 * and stylesheet, which every response marks Cross-Origin-Resource-Policy: same-origin and an opaque
 * sandboxed origin could not load.
 */
export const SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

/** The third-party tag may load: consent given, or none needed here. */
export function tagAllowed(ctx: SiteContext): boolean {
  const { consent } = ctx.visitor;
  return consent === 'notRequired' || consent === 'accepted';
}

function Box({ id, children }: { id: string; children?: ComponentChildren }) {
  return (
    <aside class="ad-slot" aria-label="Advertisement" data-ad-slot={id}>
      <p class="ad-label">Advertisement</p>
      {children ?? <div class="ad-space" />}
    </aside>
  );
}

export function AdSlot({ ctx, id, section }: { ctx: SiteContext; id: string; section?: string }) {
  const ads = ctx.settings.ads;
  if (ctx.visitor.adFree || ads.source === 'off') return null;
  const collapse = ads.emptySlots === 'collapse';
  if (ads.source === 'thirdParty') {
    if (!ads.thirdPartyScript || !tagAllowed(ctx)) return collapse ? null : <Box id={id} />;
    return (
      <Box id={id}>
        <div class="ad-space" data-ad-unit={id} data-ad-section={section} data-npa={ctx.visitor.optedOut ? '1' : undefined} />
      </Box>
    );
  }
  const sectionId = section ? (ctx.sections.find((s) => s.slug === section)?.id ?? null) : null;
  if (collapse && !houseSlotCanFill(ctx.settings, sectionId, ctx.now)) return null;
  const src = `/ads/slot/${encodeURIComponent(id)}${section ? `?section=${encodeURIComponent(section)}` : ''}`;
  return (
    <Box id={id}>
      <div class="ad-space">
        <iframe class="ad-frame" src={src} title="Advertisement" loading="lazy" sandbox={SANDBOX} width={SLOT_WIDTH} height={SLOT_HEIGHT} referrerpolicy="no-referrer" />
      </div>
    </Box>
  );
}

/** The tag URL in restricted, non-personalised mode. */
export function nonPersonalised(script: string): string {
  const url = new URL(script);
  url.searchParams.set('npa', '1');
  return url.href;
}

/**
 * The third-party tag, in the page head: nothing at all (no request to the third party) while
 * consent is pending or refused; non-personalised for visitors who opted out of sale/sharing.
 */
export function AdTag({ ctx }: { ctx: SiteContext }) {
  const ads = ctx.settings.ads;
  if (ctx.visitor.adFree || ads.source !== 'thirdParty' || !ads.thirdPartyScript || !tagAllowed(ctx)) return null;
  const npa = ctx.visitor.optedOut;
  return (
    <>
      <script src={TAG_CONFIG_PATH} data-npa={npa ? '1' : '0'} />
      <script async src={npa ? nonPersonalised(ads.thirdPartyScript) : ads.thirdPartyScript} data-npa={npa ? '1' : undefined} />
    </>
  );
}
