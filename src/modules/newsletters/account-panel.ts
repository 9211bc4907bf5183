/**
 * The newsletters section of /account: which newsletters the reader's address receives, and a
 * way to change that. The subscriber record is the account's when it is linked to it or has the
 * account's verified address.
 */
import type { AccountPanel, User } from '../accounts/index.js';
import type { Database } from '../../db/database.js';
import type { Subscribers } from './subscribers.js';

export function newsletterAccountPanel(db: Database, subscribers: Subscribers): (user: User) => Promise<AccountPanel | null> {
  return async (user) => {
    const base = { id: 'your-newsletters', heading: 'Newsletters' };
    let query = db.kysely.selectFrom('newsletter_subscribers').select(['id', 'token_nonce']);
    query = user.emailVerifiedAt === null ? query.where('user_id', '=', user.id) : query.where((eb) => eb.or([eb('user_id', '=', user.id), eb('email', '=', user.email.toLowerCase())]));
    const subscriber = await query.orderBy('id').executeTakeFirst();
    if (!subscriber) return { ...base, text: 'You receive none of our newsletters.', action: { label: 'Sign up for a newsletter', href: '/newsletter', method: 'get' } };
    const active = (await subscribers.subscriptionsOf(subscriber.id)).filter((s) => s.status === 'active').map((s) => s.list.name);
    const text = active.length > 0 ? `You receive: ${active.join(', ')}.` : 'You receive none of our newsletters.';
    return { ...base, text, action: { label: 'Choose your newsletters', href: `/newsletters/manage?token=${encodeURIComponent(subscribers.tokenOf(subscriber))}`, method: 'get' } };
  };
}
