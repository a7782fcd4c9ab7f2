// Busy processes for proving that the tests do not depend on an idle machine: CI runs the
// suite with TEST_CPU_LOAD=2 (see .ci/run), as on a shared 2-core machine where another
// job keeps both cores busy. Each one is a plain Node process spinning at normal priority.
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `count` CPU-bound processes; the returned function stops exactly those. */
export function startCpuLoad(count: number): () => void {
  const spinners: ChildProcess[] = [];
  for (let i = 0; i < count; i++)
    spinners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  if (count > 0) console.log(`[load] ${count} CPU-bound process(es) running alongside the tests`);
  const stop = () => {
    for (const spinner of spinners) if (spinner.exitCode === null) spinner.kill('SIGKILL');
  };
  process.once('exit', stop);
  return stop;
}

/** TEST_CPU_LOAD as a count of busy processes (0 when unset). */
export function cpuLoadFromEnv(value = process.env.TEST_CPU_LOAD): number {
  const count = Number(value ?? 0);
  if (!Number.isInteger(count) || count < 0 || count > 64)
    throw new Error(`TEST_CPU_LOAD must be a whole number of busy processes, not "${value}".`);
  return count;
}
