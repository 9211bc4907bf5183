/** The support pitch under articles; left out for supporters and readers who asked to be reminded later. */
import type { SiteContext } from '../../site/context.js';
import { chromeHtml } from '../../site/views/chrome.js';

export function SupportPitch({ ctx }: { ctx: SiteContext }) {
  if (ctx.visitor.pitchHidden) return null;
  return <section class="support-pitch" aria-labelledby="support-heading" dangerouslySetInnerHTML={chromeHtml(ctx, 'support', () => SupportPitchInner({ ctx }))} />;
}

function SupportPitchInner({ ctx }: { ctx: SiteContext }) {
  const { name, support } = ctx.settings;
  return (
    <>
      <h2 id="support-heading">{support.pitchHeading.replaceAll('{name}', name)}</h2>
      <p>{support.pitchText.replaceAll('{name}', name)}</p>
      <div class="support-actions">
        <a class="button" href="/support">
          Support
        </a>
        <form method="post" action="/support/remind">
          <button class="button button-secondary" type="submit">
            Remind me next month
          </button>
        </form>
      </div>
    </>
  );
}
