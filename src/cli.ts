/**
 * The `structurecms` command: start the server, apply migrations, seed the demo publication.
 * Later modules add their own commands here (users, keys, imports).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { seedDemo } from './modules/demo/seed.js';
import { keysCommand, usersCommand } from './modules/accounts/cli.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { migrationSets } from './app.js';
import { tuneRuntime } from './runtime.js';

tuneRuntime();

const HELP = `Usage: structurecms <command>

Commands:
  start       Apply migrations, seed the demo publication into an empty database
              (unless DEMO=false) and serve the site on HOST:PORT.
  migrate     Apply pending database migrations and exit.
  seed-demo   Seed the demo publication into an empty database and exit.
  users create --email E --password P --role R [--name N]
              Create an account; R is reader, contributor, author, editor or admin.
  keys create --name N --role R
              Create an API key acting as a staff role; the key is printed once,
              alone on the last line.
  keys list   List API keys (id, name, role, prefix, created, last used, revoked).
  keys revoke --id N
              Revoke an API key.
  help        Show this help.

Configuration comes from environment variables; see the README.`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'help';
  switch (command) {
    case 'start':
      return start();
    case 'migrate':
      return migrate();
    case 'seed-demo':
      return seed();
    case 'users':
      return usersCommand(argv.slice(argv.indexOf(command) + 1), migrationSets);
    case 'keys':
      return keysCommand(argv.slice(argv.indexOf(command) + 1), migrationSets);
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`structurecms: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

async function start(): Promise<number> {
  const startedAt = performance.now();
  const config = loadConfig();
  const app = await createApp(config);
  if (config.demo && (await seedDemo(app))) app.http.log.info('seeded the demo publication');
  await app.http.listen({ port: config.port, host: config.host });
  // Scheduled publishing, webhooks and mail run from here; tests drive the queue with runDue().
  app.jobs.start();
  const name = app.settings.get().name;
  app.http.log.info(`${name} is served at ${config.publicUrl} (ready in ${Math.round(performance.now() - startedAt)} ms, ${app.db.dialect})`);
  const stop = async (signal: string) => {
    app.http.log.info(`${signal}: shutting down`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

async function migrate(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(db, migrationSets);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await db.close();
  }
}

async function seed(): Promise<number> {
  const config = loadConfig();
  const app = await createApp(config);
  try {
    const seeded = await seedDemo(app);
    console.log(seeded ? `Seeded the demo publication "${app.settings.get().name}".` : 'The database already has content; nothing was seeded.');
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`structurecms: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
