/**
 * Account deletion, readers only. Every personal-data source erases (or anonymises what the law
 * says to keep) first; then this module's own records, and last the account with its consents,
 * links and sessions. A confirmation goes to the address as a transient message (its outbox row
 * is deleted once delivered), and the audit log notes that a reader left, without saying who.
 */
import type { Database } from '../../db/database.js';
import type { AuditLog } from '../audit/index.js';
import { eraseReaderAccount, type User } from '../accounts/index.js';
import { randomToken, sha256Hex } from '../accounts/tokens.js';
import type { Mailer } from '../email/types.js';
import type { PrivacySettings } from './settings.js';
import type { PersonalDataSource } from './personal-data.js';

export const DELETION_LINK_LIFETIME_MS = 60 * 60 * 1000;

export interface DeletionDeps {
  db: Database;
  now: () => number;
  sources: readonly PersonalDataSource[];
  email: Mailer;
  audit: AuditLog;
  publicUrl: string;
  privacy: () => PrivacySettings;
  publication: () => string;
}

export interface AccountDeletion {
  /** Emails a single-use link that confirms the deletion (for accounts without a password). */
  sendLink(user: User): Promise<void>;
  /** Whether the link may still be used, without using it (the page a GET shows). */
  linkUsable(token: string): Promise<boolean>;
  /** Spends the link; the id of the account it deletes, or null when it is unknown, used or expired. */
  useLink(token: string): Promise<number | null>;
  /** Deletes the reader's account and personal data; false for anything but a reader's account. */
  deleteReader(user: User): Promise<boolean>;
}

export function createAccountDeletion(deps: DeletionDeps): AccountDeletion {
  const k = deps.db.kysely;
  const tokenOk = (token: string) => /^[A-Za-z0-9_-]{20,100}$/u.test(token);

  return {
    async sendLink(user) {
      const token = randomToken();
      const now = deps.now();
      await k.insertInto('privacy_deletion_links').values({ token_hash: sha256Hex(token), user_id: user.id, created_at: now, expires_at: now + DELETION_LINK_LIFETIME_MS, used_at: null }).execute();
      const url = `${deps.publicUrl}/account/data/delete/confirm?token=${token}`;
      await deps.email.send({
        to: user.email,
        subject: `Confirm deleting your ${deps.publication()} account`,
        category: 'privacy.delete-link',
        text: [
          `You asked to delete your account at ${deps.publication()}.`,
          '',
          'To confirm, open this link within an hour and press the button on the page:',
          url,
          '',
          'If you did not ask for this, ignore this message: nothing happens without the button.',
        ].join('\n'),
      });
    },

    async linkUsable(token) {
      if (!tokenOk(token)) return false;
      const row = await k.selectFrom('privacy_deletion_links').select(['expires_at', 'used_at']).where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
      return Boolean(row && row.used_at === null && Number(row.expires_at) > deps.now());
    },

    async useLink(token) {
      if (!tokenOk(token)) return null;
      const now = deps.now();
      // Marked used in one statement: two clicks racing each other cannot both pass.
      const row = await k
        .updateTable('privacy_deletion_links')
        .set({ used_at: now })
        .where('token_hash', '=', sha256Hex(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row ? Number(row.user_id) : null;
    },

    async deleteReader(user) {
      if (user.role !== 'reader') return false;
      const subject = { userId: user.id, email: user.email };
      const options = { comments: deps.privacy().deletedComments };
      for (const source of deps.sources) await source.erase(subject, options);
      const deleted = await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('privacy_opt_outs').where('user_id', '=', user.id).execute();
        await trx.deleteFrom('privacy_exports').where('user_id', '=', user.id).execute();
        await trx.deleteFrom('privacy_deletion_links').where('user_id', '=', user.id).execute();
        return eraseReaderAccount(trx, user.id);
      });
      if (!deleted) return false;
      await deps.email.send(
        {
          to: user.email,
          subject: `Your ${deps.publication()} account is deleted`,
          category: 'privacy.account-deleted',
          text: [
            `Your account at ${deps.publication()} and the personal data kept with it are deleted.`,
            options.comments === 'remove' ? 'Your comments are removed.' : 'Your comments stay, shown as written by a former reader.',
            'Records of payments are kept without your name or address, for as long as tax law requires.',
            '',
            'This message is not kept once it has been delivered.',
          ].join('\n'),
        },
        { transient: true },
      );
      // Who left is exactly what must not be kept.
      await deps.audit.record({ userId: null, label: 'reader (self-service)' }, 'reader.delete', { type: 'reader' }, { comments: options.comments });
      return true;
    },
  };
}
