import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Applies the committed migrations with Prisma's JS schema engine (see ADR 0001). */
export function migrateDatabase(databaseUrl: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('Database migration failed (see above).');
  }
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[1];
  console.log(`[db] migrations up to date${applied ? ` (${applied} in total)` : ''} in ${Date.now() - started} ms`);
}
