// Where `npm test` builds the app for e2e. One shared folder, `.next-test`, reused while
// the sources are unchanged (so that a second `npm test` does not rebuild), and held by one
// test run at a time: a run that finds it held by another live run builds into a folder of
// its own, so that no run ever serves files another is rewriting.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SHARED = '.next-test';

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Claims the shared build folder for this run, or names a private one; `release`
 * gives the shared folder back, or deletes the private one. */
export function claimE2eBuildDir(root: string) {
  const lockDir = path.join(root, 'node_modules', '.cache', 'marginalia');
  const lock = path.join(lockDir, 'next-test.lock');
  mkdirSync(lockDir, { recursive: true });
  const shared = { dir: SHARED, release: () => rmSync(lock, { force: true }) };
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return shared;
  } catch {
    // held, or left behind by a run that was killed
  }
  const holder = Number(readFileSync(lock, 'utf8'));
  if (holder && isRunning(holder)) {
    const own = `${SHARED}-${process.pid}`;
    return { dir: own, release: () => rmSync(path.join(root, own), { recursive: true, force: true }) };
  }
  writeFileSync(lock, String(process.pid));
  return shared;
}
