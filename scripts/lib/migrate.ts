import { spawn } from 'node:child_process';
import path from 'node:path';
import { backfillNoteForms } from './note-forms-backfill';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

const DONE = /No pending migrations to apply|All migrations have been successfully applied/;

/** Applies the committed migrations, then the data steps that follow them: the export
 * forms of notes written before they were stored (docs/adr/0022; one query when there is
 * nothing left to do). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await applyMigrations(databaseUrl);
  const started = Date.now();
  const counts = await backfillNoteForms(databaseUrl);
  if (counts.annotations + counts.replies > 0) {
    console.log(
      `[db] export forms stored for ${counts.annotations} annotations and ${counts.replies} replies in ${Date.now() - started} ms`,
    );
  }
}

/** Applies the committed migrations with Prisma's JS schema engine (see ADR 0001).
 * The CLI lingers ~10 s after finishing (a lookup it never needs here), so we stop it
 * once it has reported success. */
function applyMigrations(databaseUrl: string): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          CHECKPOINT_DISABLE: '1',
        },
      },
    );
    let output = '';
    let succeeded = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        setTimeout(() => child.kill('SIGTERM'), 200);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (succeeded || code === 0) {
        const count = /(\d+) migrations? found/.exec(output)?.[1];
        console.log(
          `[db] migrations up to date${count ? ` (${count} in total)` : ''} in ${Date.now() - started} ms`,
        );
        resolve();
      } else {
        process.stderr.write(output);
        reject(new Error('Database migration failed (see above).'));
      }
    });
    child.on('error', reject);
  });
}
