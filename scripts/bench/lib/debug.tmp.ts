import { chromium } from 'playwright-core';
import { startApp } from './app-server';
import { openBenchServer } from './scratch-db';
import { seedScene } from './seed';
import { browserCookies } from './http';
process.env.NEXT_DIST_DIR = '.next-bench';
const server = await openBenchServer();
const url = await server.clone('app');
const app = await startApp(url);
try {
  const scene = await seedScene(app.baseUrl, url, { readers: 30, annotations: 10_000 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await context.addCookies(browserCookies(scene.readers[1].cookie, scene.baseUrl));
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.addInitScript((n) => { (window as any).__n = 0; (window as any).__arg = n; const tick = () => { (window as any).__n++; requestAnimationFrame(tick); }; requestAnimationFrame(tick); }, 5);
  await page.goto(`${scene.baseUrl}/documents/face-time`);
  await page.waitForTimeout(3000);
  console.log(await page.evaluate(() => [(window as any).__n, (window as any).__arg, document.getElementsByClassName('hl').length, document.visibilityState]));
  await browser.close();
} finally {
  await app.stop();
  await server.close();
}
