/** The local stand-ins for Stripe's checkout and billing portal in test mode, labelled as such. */
import { formatMoney } from '../amount.js';
import type { TestSession } from '../test-gateway.js';
import { Notice, Problem, supportDocument, type SupportFrame } from './frame.js';

export function testCheckoutPage(frame: SupportFrame, session: TestSession, view: { email?: string; name?: string; problem?: string | null } = {}): string {
  const { locale, name } = frame.ctx.settings;
  const amount = formatMoney(session.amount, session.currency, locale);
  return supportDocument(frame, {
    title: 'Test checkout',
    path: `/support/test-checkout/${session.id}`,
    children: (
      <>
        <p class="support-lead">This page stands in for Stripe Checkout. Paying here records a simulated payment through the same code as real Stripe events.</p>
        <dl class="support-summary">
          <dt>To</dt>
          <dd>{name}</dd>
          <dt>Amount</dt>
          <dd>
            {amount}
            {session.mode === 'subscription' ? ' per month' : ' once'}
          </dd>
        </dl>
        <Problem message={view.problem} />
        {session.status === 'open' ? (
          <form class="support-form" method="post" action={`/support/test-checkout/${session.id}/pay`} novalidate>
            <p>
              <label for="payer-email">Email (for the receipt)</label>
              <input id="payer-email" name="email" type="email" autocomplete="email" required maxLength={254} value={view.email ?? session.email ?? ''} />
            </p>
            <p>
              <label for="payer-name">Name (optional)</label>
              <input id="payer-name" name="name" type="text" autocomplete="name" maxLength={200} value={view.name ?? ''} />
            </p>
            <div class="support-actions-row">
              <button class="button" type="submit">
                Pay {amount} (test)
              </button>
              <a class="button button-secondary" href="/support?cancelled=1">
                Cancel
              </a>
            </div>
          </form>
        ) : (
          <Notice message="This checkout is already complete." />
        )}
      </>
    ),
  });
}

export interface PortalSubscription {
  id: string;
  amount: number | null;
  currency: string | null;
  status: string;
}

export function testPortalPage(frame: SupportFrame, subscriptions: PortalSubscription[], notice: string | null): string {
  const { locale } = frame.ctx.settings;
  return supportDocument(frame, {
    title: 'Manage your support (test)',
    path: '/support/test-portal',
    children: (
      <>
        <p class="support-lead">This page stands in for Stripe's billing portal.</p>
        <Notice message={notice} />
        {subscriptions.length === 0 ? <p>You have no monthly support running.</p> : null}
        {subscriptions.map((s) => (
          <form class="support-form" method="post" action="/support/test-portal/cancel">
            <input type="hidden" name="subscription" value={s.id} />
            <p>
              Monthly support of {s.amount !== null && s.currency ? formatMoney(s.amount, s.currency, locale) : 'an amount'} ({s.status})
            </p>
            <button class="button button-secondary" type="submit">
              Cancel monthly support
            </button>
          </form>
        ))}
        <p>
          <a href="/support">Back to the support page</a>
        </p>
      </>
    ),
  });
}
