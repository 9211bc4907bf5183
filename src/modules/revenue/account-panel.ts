/**
 * The reader support section of /account: a monthly supporter manages their support in the
 * billing portal, a recent one-time supporter is thanked, everyone else is invited to give.
 */
import type { AccountPanel, User } from '../accounts/index.js';
import type { Database } from '../../db/database.js';
import type { SettingsService } from '../settings/service.js';
import { formatMoney } from './amount.js';
import { RUNNING_STATUSES, supporterOfUser } from './supporters.js';

export function supportAccountPanel(deps: { db: Database; settings: SettingsService; now: () => number }): (user: User) => Promise<AccountPanel | null> {
  return async (user) => {
    if (user.role !== 'reader') return null;
    const base = { id: 'your-support', heading: 'Your support' };
    const supporter = await supporterOfUser(deps.db, user.id);
    if (supporter) {
      const monthly = await deps.db.kysely
        .selectFrom('support_subscriptions')
        .select(['amount', 'currency'])
        .where('supporter_id', '=', supporter.id)
        .where('status', 'in', [...RUNNING_STATUSES])
        .orderBy('started_at', 'desc')
        .executeTakeFirst();
      if (monthly) {
        const amount = monthly.amount !== null && monthly.currency ? `${formatMoney(monthly.amount, monthly.currency)} ` : '';
        return { ...base, text: `You support us with ${amount}every month. Thank you: it keeps our reporting free for everyone.`, action: { label: 'Change or cancel your monthly support', href: '/support/manage', method: 'post' } };
      }
      if (supporter.active_until > deps.now()) {
        return { ...base, text: 'Thank you for supporting our journalism.', action: { label: 'Give again', href: '/support', method: 'get' } };
      }
    }
    const { currency, minimumAmount } = deps.settings.get().support;
    return { ...base, text: `Our reporting is free to read and paid for by readers. Support it, one time or every month, from ${formatMoney(minimumAmount, currency)}.`, action: { label: 'Support us', href: '/support', method: 'get' } };
  };
}
