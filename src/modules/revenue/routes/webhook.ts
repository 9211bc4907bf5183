/**
 * POST /webhooks/stripe: Stripe's events, verified against the endpoint's signing secret and a
 * five-minute timestamp tolerance on the exact bytes received (so the body is read raw, in a scope
 * of its own), then applied exactly once by the event processor.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EventProcessor } from '../events.js';
import { loadStripe } from '../gateway.js';
import { eventProblem, type StripeEventLike } from '../stripe-object.js';

const TOLERANCE_SECONDS = 300;

export async function registerStripeWebhook(app: FastifyInstance, deps: { secret: string | null; events: EventProcessor }): Promise<void> {
  // The package is loaded only where a signing secret makes the endpoint live.
  const webhooks = deps.secret ? (await loadStripe()).webhooks : null;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 512 * 1024 }, (_request, body, done) => done(null, body));

    scope.post('/webhooks/stripe', async (request, reply) => {
      const refuse = (status: number, message: string) => answer(reply, status, { error: message });
      if (!deps.secret || !webhooks) return refuse(404, 'Stripe webhooks are not configured here (test mode: STRIPE_WEBHOOK_SECRET is unset).');
      const raw = Buffer.isBuffer(request.body) ? request.body : null;
      if (!raw || raw.length === 0) return refuse(400, 'The request has no body.');
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || signature === '') return refuse(400, 'Missing Stripe-Signature header.');
      let verified: unknown;
      try {
        verified = webhooks.constructEvent(raw, signature, deps.secret, TOLERANCE_SECONDS);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : '';
        const stale = /tolerance/iu.test(message);
        return refuse(400, stale ? 'The Stripe-Signature timestamp is too old (more than 5 minutes): refused as a possible replay.' : `The Stripe signature does not match this body. ${message}`.trim());
      }
      const problem = eventProblem(verified);
      if (problem) return refuse(400, problem);
      const outcome = await deps.events.process(verified as StripeEventLike);
      return answer(reply, 200, { received: true, outcome });
    });
  });
}

function answer(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}
