/** /support: one-time or monthly, preset amounts or the reader's own. Works without JavaScript. */
import { decimalOf, formatMoney, minorDigits } from '../amount.js';
import type { SupportSettings } from '../settings.js';
import { Notice, Problem, supportDocument, type SupportFrame } from './frame.js';

export interface SupportForm {
  frequency: string;
  amount: string;
  customAmount: string;
}

export interface SupportView {
  form?: Partial<SupportForm>;
  problem?: string | null;
  notice?: string | null;
  /** The signed-in reader is an active supporter with something to manage. */
  canManage?: boolean;
}

export function supportPage(frame: SupportFrame, view: SupportView = {}): string {
  const { name, support, locale } = frame.ctx.settings;
  const form = view.form ?? {};
  const frequency = form.frequency === 'monthly' ? 'monthly' : 'once';
  const custom = form.amount === 'custom' || (form.customAmount ?? '') !== '';
  const middle = support.presets[Math.floor((support.presets.length - 1) / 2)] ?? support.presets[0] ?? support.minimumAmount;
  const selected = custom ? 'custom' : (form.amount ?? decimalOf(middle, support.currency));
  return supportDocument(frame, {
    title: support.pitchHeading.replaceAll('{name}', name),
    path: '/support',
    indexable: true,
    description: support.pitchText.replaceAll('{name}', name),
    children: (
      <>
        <p class="support-lead">{support.pitchText.replaceAll('{name}', name)}</p>
        <Notice message={view.notice ?? (frame.ctx.visitor.supporter ? `Thank you: you already support ${name}. You are welcome to give again.` : null)} />
        <Problem message={view.problem} />
        <form class="support-form" method="post" action="/support/checkout" novalidate>
          <input type="hidden" name="currency" value={support.currency} />
          <fieldset>
            <legend>How often?</legend>
            <div class="choice-row">
              <Choice name="frequency" value="once" label="One time" checked={frequency === 'once'} />
              <Choice name="frequency" value="monthly" label="Monthly" checked={frequency === 'monthly'} />
            </div>
          </fieldset>
          <fieldset>
            <legend>Amount ({support.currency.toUpperCase()})</legend>
            <div class="choice-row">
              {support.presets.map((minor) => (
                <Choice name="amount" value={decimalOf(minor, support.currency)} label={formatMoney(minor, support.currency, locale)} checked={selected === decimalOf(minor, support.currency)} />
              ))}
              <Choice name="amount" value="custom" label="Other" checked={selected === 'custom'} />
            </div>
            <CustomAmount support={support} value={form.customAmount ?? ''} locale={locale} />
          </fieldset>
          <button class="button" type="submit">
            Continue to payment
          </button>
          <p class="support-fine">Payments are processed securely by Stripe. Monthly support can be changed or cancelled at any time.</p>
        </form>
        {view.canManage ? (
          <form method="post" action="/support/manage">
            <h2>Already a supporter?</h2>
            <button class="button button-secondary" type="submit">
              Manage your support
            </button>
          </form>
        ) : null}
      </>
    ),
  });
}

function Choice({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  return (
    <label class="choice">
      <input type="radio" name={name} value={value} checked={checked} />
      <span>{label}</span>
    </label>
  );
}

function CustomAmount({ support, value, locale }: { support: SupportSettings; value: string; locale: string }) {
  const digits = minorDigits(support.currency);
  return (
    <div class="custom-amount">
      <label for="custom-amount">Or enter your own amount</label>
      <div class="money">
        <input id="custom-amount" name="custom_amount" type="text" inputMode={digits > 0 ? 'decimal' : 'numeric'} autocomplete="off" value={value} maxLength={24} aria-describedby="custom-amount-hint" />
        <span>{support.currency.toUpperCase()}</span>
      </div>
      <p class="field-hint" id="custom-amount-hint">
        From {formatMoney(support.minimumAmount, support.currency, locale)} to {formatMoney(support.maximumAmount, support.currency, locale)}. When filled in, this amount is used.
      </p>
    </div>
  );
}
