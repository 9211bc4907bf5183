/**
 * The consent banner, for visitors who must be asked (settings.privacy.consentBanner) and have
 * not answered: Accept and Reject side by side, equally easy, and a plain form without JavaScript.
 */
import type { SiteContext } from '../../site/context.js';

export function ConsentBanner({ ctx }: { ctx: SiteContext }) {
  if (ctx.visitor.consent !== 'pending') return null;
  return (
    <aside class="consent-banner" aria-label="Cookie consent">
      <p>
        {ctx.settings.name} would like to use cookies and load advertising from partners. Nothing non-essential runs until you choose. Read our{' '}
        <a href="/privacy-policy">Privacy Policy</a>.
      </p>
      <form method="post" action="/privacy/consent" class="consent-actions">
        <button class="button" type="submit" name="choice" value="accepted">
          Accept
        </button>
        <button class="button" type="submit" name="choice" value="rejected">
          Reject
        </button>
      </form>
    </aside>
  );
}
