import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './migrate';

export const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

/** Runs a command to completion, inheriting stdio; resolves with its exit code. */
export function runStep(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/** Seeds with the react-server condition so that server-only modules load outside Next. */
export function seedDatabase(databaseUrl: string) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(projectRoot, 'prisma/seed.ts')],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('Importing the sample article failed (see above).');
}
