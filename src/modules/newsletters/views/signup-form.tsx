/** The newsletter sign-up box (footer of the front page, end of articles). */
import type { SiteContext } from '../../site/context.js';
import { chromeHtml } from '../../site/views/chrome.js';

export function NewsletterSignup({ ctx, id }: { ctx: SiteContext; id: string }) {
  return <section class="newsletter" aria-labelledby={`${id}-heading`} dangerouslySetInnerHTML={chromeHtml(ctx, `newsletter|${id}`, () => NewsletterInner({ ctx, id }))} />;
}

function NewsletterInner({ ctx, id }: { ctx: SiteContext; id: string }) {
  return (
    <>
      <h2 id={`${id}-heading`}>Get our daily briefing</h2>
      <p>The day's most important stories from {ctx.settings.name}, in your inbox every morning.</p>
      <form method="post" action="/newsletter" class="newsletter-form">
        <label for={`${id}-email`}>Email address</label>
        <div class="newsletter-row">
          <input id={`${id}-email`} type="email" name="email" required autocomplete="email" maxLength={254} />
          <button class="button" type="submit">
            Sign up
          </button>
        </div>
        <p class="consent">
          By signing up you agree to our <a href="/terms-of-use">Terms of Use</a> and <a href="/privacy-policy">Privacy Policy</a>.
        </p>
      </form>
    </>
  );
}
