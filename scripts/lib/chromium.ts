// The e2e tests and the reader bench drive Debian's Chromium, never a downloaded one.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags every run of it gets (playwright.config.ts, the benches): no sandbox (root in a
 * container), no GPU, and none of its own network traffic or updates. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Debian's `chromium` when missing and running as root (as `npm test` does);
 * otherwise says how to get it. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      "Chromium is missing: install Debian's `chromium` package (apt-get install -y chromium).",
    );
  console.log("[chromium] installing Debian's chromium (once per machine)…");
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error('apt-get install chromium failed.');
  }
}
