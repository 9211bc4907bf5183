/** An ad slot in the page: labelled "Advertisement", its space reserved so nothing shifts. */
import type { SiteContext } from '../../site/context.js';

export function AdSlot({ ctx, id }: { ctx: SiteContext; id: string }) {
  if (ctx.visitor.adFree || ctx.settings.ads.source === 'off') return null;
  return (
    <aside class="ad-slot" aria-label="Advertisement" data-ad-slot={id}>
      <p class="ad-label">Advertisement</p>
      <div class="ad-space" />
    </aside>
  );
}
