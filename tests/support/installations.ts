// A second (third, …) Marginalia installation inside one integration test file: a database
// of its own cloned from the migrated template, with its own database clients. Code run in
// `inInstallation` talks to that database through the same modules (the clients are
// looked up per call, lib/server/db.ts), as another server would.
import { createDatabase, dropDatabase } from '../../scripts/lib/test-databases';

type Clients = { prisma: { $disconnect(): Promise<void> }; sql: { end(): Promise<void> } };
const holder = globalThis as { marginaliaClients?: Clients };
const serverUrl = process.env.TEST_SERVER_URL!;
const template = process.env.TEST_TEMPLATE_DB!;
// Named like the test file's own database, so that a killed run's leftovers are dropped alike.
const runPid = /_(\d+)$/.exec(template)?.[1] ?? String(process.pid);
const installations = new Map<string, { name: string; clients?: Clients }>();

/** Runs `fn` against the installation called `label`, created on first use. */
export async function inInstallation<T>(label: string, fn: () => Promise<T>): Promise<T> {
  let installation = installations.get(label);
  if (!installation) {
    const name = `mg_t_${runPid}_${label}_${Math.random().toString(36).slice(2, 8)}`;
    await createDatabase(serverUrl, name, template);
    installation = { name };
    installations.set(label, installation);
  }
  const saved = { clients: holder.marginaliaClients, url: process.env.DATABASE_URL };
  holder.marginaliaClients = installation.clients;
  process.env.DATABASE_URL = `${serverUrl}/${installation.name}`;
  try {
    return await fn();
  } finally {
    installation.clients = holder.marginaliaClients;
    holder.marginaliaClients = saved.clients;
    process.env.DATABASE_URL = saved.url;
  }
}

/** Closes the installations' clients and drops their databases (an afterAll hook). */
export async function closeInstallations(): Promise<void> {
  for (const { name, clients } of installations.values()) {
    await clients?.prisma.$disconnect();
    await clients?.sql.end();
    await dropDatabase(serverUrl, name);
  }
  installations.clear();
}
