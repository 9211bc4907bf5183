/**
 * The payment provider as this module needs it: start a checkout, look one up, open the billing
 * portal. Stripe in production; test mode (no STRIPE_SECRET_KEY) keeps sessions in the database
 * and plays Stripe's part on local pages (test-gateway.ts).
 */
import type Stripe from 'stripe';

export type CheckoutMode = 'payment' | 'subscription';

export interface CheckoutRequest {
  mode: CheckoutMode;
  /** Minor units, validated by the server: the only amount that reaches the provider. */
  amount: number;
  currency: string;
  productName: string;
  /** A signed-in reader's address (prefilled at checkout), and their id (client_reference_id). */
  email: string | null;
  userId: number | null;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSummary {
  id: string;
  /** Complete and paid: the only state in which thanks are said. */
  paid: boolean;
  mode: CheckoutMode;
  amount: number | null;
  currency: string | null;
}

export interface PaymentGateway {
  readonly testMode: boolean;
  createCheckout(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Null for an unknown session. */
  retrieveCheckout(id: string): Promise<CheckoutSummary | null>;
  /** The billing portal's address for this customer. */
  createPortal(customerId: string, returnUrl: string): Promise<string>;
}

/** The provider could not be reached or refused: a 502 for the reader, with a sentence. */
export class GatewayError extends Error {
  readonly status = 502;
}

export const CHECKOUT_SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/u;

/**
 * The `stripe` package, loaded when first needed: loading it takes about 200 ms, which every
 * start-up paid although test mode (no keys) never calls it.
 */
export const loadStripe = async (): Promise<typeof Stripe> => (await import('stripe')).default;

/** A Stripe Checkout gateway for these keys (the package is loaded here). */
export async function stripeGatewayFor(secretKey: string, apiUrl: string | null): Promise<PaymentGateway> {
  const StripeClass = await loadStripe();
  return stripeGateway(stripeClient(StripeClass, secretKey, apiUrl), StripeClass.errors.StripeError);
}

function stripeClient(StripeClass: typeof Stripe, secretKey: string, apiUrl: string | null): Stripe {
  const target = apiUrl ? new URL(apiUrl) : null;
  const protocol = target?.protocol === 'http:' ? 'http' : 'https';
  return new StripeClass(secretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    ...(target ? { host: target.hostname, port: Number(target.port || (protocol === 'http' ? 80 : 443)), protocol } : {}),
  });
}

function stripeGateway(stripe: Stripe, StripeError: typeof Stripe.errors.StripeError): PaymentGateway {
  const failed = (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    throw new GatewayError(`The payment provider did not answer as expected (${message.slice(0, 200)}). Nothing was charged; please try again.`);
  };
  return {
    testMode: false,

    async createCheckout(request) {
      const metadata = { kind: 'support', ...(request.userId !== null ? { user_id: String(request.userId) } : {}) };
      const session = await stripe.checkout.sessions
        .create({
          mode: request.mode,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency,
                unit_amount: request.amount,
                product_data: { name: request.productName },
                ...(request.mode === 'subscription' ? { recurring: { interval: 'month' as const } } : {}),
              },
            },
          ],
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          ...(request.email ? { customer_email: request.email } : {}),
          ...(request.userId !== null ? { client_reference_id: String(request.userId) } : {}),
          metadata,
          ...(request.mode === 'subscription' ? { subscription_data: { metadata } } : { submit_type: 'donate' as const, customer_creation: 'always' as const, payment_intent_data: { metadata } }),
        })
        .catch(failed);
      if (!session.url) return failed(new Error('the checkout session has no url'));
      return { id: session.id, url: session.url };
    },

    async retrieveCheckout(id) {
      if (!CHECKOUT_SESSION_ID.test(id)) return null;
      try {
        const session = await stripe.checkout.sessions.retrieve(id);
        return {
          id: session.id,
          paid: session.status === 'complete' && session.payment_status === 'paid',
          mode: session.mode === 'subscription' ? 'subscription' : 'payment',
          amount: session.amount_total ?? null,
          currency: session.currency ?? null,
        };
      } catch (error) {
        if (error instanceof StripeError && error.statusCode === 404) return null;
        return failed(error);
      }
    },

    async createPortal(customerId, returnUrl) {
      const portal = await stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }).catch(failed);
      return portal.url;
    },
  };
}
