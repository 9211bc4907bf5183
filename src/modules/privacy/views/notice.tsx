/** The short privacy note at the end of articles. */
import type { SiteContext } from '../../site/context.js';
import { chromeHtml } from '../../site/views/chrome.js';

export function PrivacyNotice({ ctx }: { ctx: SiteContext }) {
  return <aside class="privacy-notice" aria-label="Privacy" dangerouslySetInnerHTML={chromeHtml(ctx, 'privacy', () => PrivacyInner({ ctx }))} />;
}

function PrivacyInner({ ctx }: { ctx: SiteContext }) {
  return (
    <>
      <p>
        {ctx.settings.name} collects only the data it needs to run this site and never sells it. Read our <a href="/privacy-policy">Privacy Policy</a>{' '}
        to learn what we collect and how to opt out.
      </p>
    </>
  );
}
