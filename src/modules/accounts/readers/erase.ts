/**
 * The last step of a reader deleting their account (the privacy module runs it after every
 * personal-data source has erased its part): the emailed links, consents, email choices, every
 * session and the account row itself, in one transaction. Staff accounts are never touched here.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../../db/tables.js';

/** False (and nothing changed) when the id is not a reader's account. */
export async function eraseReaderAccount(trx: Kysely<Tables>, userId: number): Promise<boolean> {
  const row = await trx.selectFrom('users').select(['email', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!row || row.role !== 'reader') return false;
  // Sign-up links carry no user id yet, only the address.
  await trx.deleteFrom('reader_links').where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', row.email)])).execute();
  await trx.deleteFrom('reader_consents').where('user_id', '=', userId).execute();
  await trx.deleteFrom('reader_preferences').where('user_id', '=', userId).execute();
  // Ends the account's sessions on every device.
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('users').where('id', '=', userId).where('role', '=', 'reader').execute();
  return true;
}
