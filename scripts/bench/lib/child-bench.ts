// The export and re-anchoring benches are scripts of their own that load server modules
// (react-server condition) and measure their own process's memory: run them as children.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../lib/migrate';

/** Runs scripts/bench/<script> with `node --conditions=react-server --import tsx`,
 * echoing and returning its output lines. */
export function runBenchScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        path.join(projectRoot, 'scripts/bench', script),
        ...args,
      ],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...env },
      },
    );
    const lines: string[] = [];
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop()!;
      lines.push(...parts);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (pending) lines.push(pending);
      if (code === 0) resolve(lines);
      else reject(new Error(`scripts/bench/${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
