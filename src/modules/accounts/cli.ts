/**
 * `structurecms users …` and `structurecms keys …`: how the first admin account and machine keys
 * come to exist before there is an admin interface to make them in. Each returns the exit code.
 * The migration sets are handed in by src/cli.ts, so this module need not import the whole app.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest, type ModuleMigrations } from '../../db/migrate.js';
import { AccountsError } from './errors.js';
import { isRole, isStaffRole, roles, staffRoles } from './policy.js';
import { createAccountsService, type AccountsService } from './service.js';

const USERS_HELP = 'Usage: structurecms users create --email E --password P --role R [--name N]';
const KEYS_HELP = 'Usage: structurecms keys create --name N --role R | keys list | keys revoke --id N';

/** Refusals of the input itself: reported on one line with exit code 2, like unknown commands. */
class UsageError extends Error {}

export async function usersCommand(args: string[], migrationSets: ModuleMigrations[]): Promise<number> {
  return run(USERS_HELP, async () => {
    const { values, positionals } = parse(args, { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } });
    if (positionals[0] !== 'create') throw new UsageError(positionals[0] ? `unknown users command "${positionals[0]}"` : 'missing users command');
    const { email, password, role, name } = values;
    if (!email || !password || !role) throw new UsageError('users create needs --email, --password and --role');
    if (!isRole(role)) throw new UsageError(`unknown role "${role}" (one of: ${roles.join(', ')})`);
    await withAccounts(migrationSets, async (accounts) => {
      // The operator running the command vouches for the address, so no confirmation mail is due.
      const user = await accounts.createUser({ email, password, role, name, emailVerified: true });
      console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    });
  });
}

export async function keysCommand(args: string[], migrationSets: ModuleMigrations[]): Promise<number> {
  return run(KEYS_HELP, async () => {
    const { values, positionals } = parse(args, { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } });
    switch (positionals[0]) {
      case 'create': {
        const { name, role } = values;
        if (!name || !role) throw new UsageError('keys create needs --name and --role');
        if (!isStaffRole(role)) throw new UsageError(`keys act as staff: the role must be one of ${staffRoles.join(', ')} (got "${role}")`);
        await withAccounts(migrationSets, async (accounts) => {
          const { id, key } = await accounts.createKey({ name, role });
          // The key alone on the last line, so scripts can take it with `tail -n 1`.
          console.log(`Created ${role} key "${name}" (id ${id}). Store it now: it will not be shown again.`);
          console.log(key);
        });
        return;
      }
      case 'list':
        await withAccounts(migrationSets, async (accounts) => {
          const keys = await accounts.listKeys();
          if (!keys.length) {
            console.log('There are no API keys.');
            return;
          }
          const rows = keys.map((k) => [String(k.id), k.name, k.role, k.prefix, when(k.createdAt), when(k.lastUsedAt), when(k.revokedAt)]);
          console.log(table(['id', 'name', 'role', 'prefix', 'created', 'last used', 'revoked'], rows));
        });
        return;
      case 'revoke': {
        const id = Number(values.id);
        if (!values.id || !Number.isSafeInteger(id) || id < 1) throw new UsageError('keys revoke needs --id with a key id from "keys list"');
        await withAccounts(migrationSets, async (accounts) => {
          if (!(await accounts.revokeKey(id))) throw new UsageError(`there is no API key with id ${id}`);
          console.log(`Revoked API key ${id}.`);
        });
        return;
      }
      default:
        throw new UsageError(positionals[0] ? `unknown keys command "${positionals[0]}"` : 'missing keys command');
    }
  });
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function run(help: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`structurecms: ${error.message}\n${help}`);
      return 2;
    }
    if (error instanceof AccountsError) {
      console.error(`structurecms: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function withAccounts(migrationSets: ModuleMigrations[], body: (accounts: AccountsService) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const db: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // The first admin is usually created on a fresh install, before anything has migrated.
    await migrateToLatest(db, migrationSets);
    await body(createAccountsService(db));
  } finally {
    await db.close();
  }
}

function when(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
