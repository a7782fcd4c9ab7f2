// Each integration test file gets its own database, cloned from the migrated template
// (with the sample article), so files are independent and run in parallel.
import { afterAll } from 'vitest';
import { createDatabase, dropDatabase } from '../../scripts/lib/test-databases';

const serverUrl = process.env.TEST_SERVER_URL!;
const template = process.env.TEST_TEMPLATE_DB!;
const runPid = /_(\d+)$/.exec(template)?.[1] ?? String(process.pid);
const name = `mg_t_${runPid}_${Math.random().toString(36).slice(2, 10)}`;

await createDatabase(serverUrl, name, template);
process.env.DATABASE_URL = `${serverUrl}/${name}`;
process.env.BETTER_AUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';
process.env.BETTER_AUTH_URL ??= 'http://127.0.0.1:3000';

afterAll(async () => {
  const clients = (
    globalThis as {
      marginaliaClients?: { prisma: { $disconnect(): Promise<void> }; sql: { end(): Promise<void> } };
    }
  ).marginaliaClients;
  const feed = (globalThis as { marginaliaChangeFeed?: { close(): Promise<void> } }).marginaliaChangeFeed;
  await feed?.close();
  await clients?.prisma.$disconnect();
  await clients?.sql.end();
  await dropDatabase(serverUrl, name);
});
