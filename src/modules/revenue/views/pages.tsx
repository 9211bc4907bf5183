/** The smaller support pages: thanks, no payment yet, remind me, manage. */
import { formatMoney } from '../amount.js';
import { Problem, supportDocument, type SupportFrame } from './frame.js';

export function thanksPage(frame: SupportFrame, paid: { amount: number | null; currency: string | null; monthly: boolean }): string {
  const { name, locale } = frame.ctx.settings;
  const amount = paid.amount !== null && paid.currency ? formatMoney(paid.amount, paid.currency, locale) : null;
  return supportDocument(frame, {
    title: 'Thank you for your support',
    path: '/support/thanks',
    children: (
      <>
        <p class="support-lead">
          {amount ? `We received your ${paid.monthly ? 'monthly support of' : 'payment of'} ${amount}. ` : ''}
          Your support keeps {name}'s journalism free for everyone. A receipt is on its way to your inbox.
        </p>
        <p>
          <a class="button" href="/">
            Back to the news
          </a>
        </p>
      </>
    ),
  });
}

export function notPaidPage(frame: SupportFrame): string {
  return supportDocument(frame, {
    title: 'We have not received a payment',
    path: '/support/thanks',
    children: (
      <>
        <p class="support-lead">We could not find a completed payment for this page. If you just paid, it can take a moment to arrive; otherwise nothing was charged.</p>
        <p>
          <a class="button" href="/support">
            Go to the support page
          </a>
        </p>
      </>
    ),
  });
}

export function remindEmailPage(frame: SupportFrame, view: { email?: string; problem?: string | null; signedIn?: boolean }): string {
  return supportDocument(frame, {
    title: 'Remind me next month',
    path: '/support/remind',
    children: (
      <>
        <p class="support-lead">
          We will send you one email in about 30 days with a link to support us. Nothing else{view.signedIn ? ', to the address of your account.' : ', and we will not use the address for anything more.'}
        </p>
        <Problem message={view.problem} />
        <form class="support-form" method="post" action="/support/remind" novalidate>
          {view.signedIn ? null : (
            <p>
              <label for="remind-email">Your email address</label>
              <input id="remind-email" name="email" type="email" autocomplete="email" required maxLength={254} value={view.email ?? ''} />
            </p>
          )}
          <button class="button" type="submit">
            Remind me
          </button>
        </form>
        {view.signedIn ? null : (
          <p class="support-fine">
            Have an account? <a href="/account/sign-in?return=%2Fsupport">Sign in</a> and we will remind you there.
          </p>
        )}
      </>
    ),
  });
}

export function remindedPage(frame: SupportFrame, dueAt: number): string {
  const { locale, timeZone } = frame.ctx.settings;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(dueAt);
  return supportDocument(frame, {
    title: 'We will remind you',
    path: '/support/remind',
    children: (
      <>
        <p class="support-lead">Thank you. We will send you one reminder on {date}. Until then, we will not ask you again on this device.</p>
        <p>
          <a class="button" href="/">
            Back to the news
          </a>
        </p>
      </>
    ),
  });
}

export function nothingToManagePage(frame: SupportFrame): string {
  return supportDocument(frame, {
    title: 'Nothing to manage yet',
    path: '/support/manage',
    children: (
      <>
        <p class="support-lead">We have no support payments linked to your account. If you paid with another email address, sign in with that address.</p>
        <p>
          <a class="button" href="/support">
            Support us
          </a>
        </p>
      </>
    ),
  });
}
