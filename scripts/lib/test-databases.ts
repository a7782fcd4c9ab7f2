import pg from 'pg';

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '')}"`;

export function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    // Cloning needs the template to have no open connections; a sibling clone may
    // hold it for a few milliseconds, so retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/** Leftovers of runs that were killed (databases named with our prefix and an old pid). */
export function dropStaleTestDatabases(serverUrl: string, prefix: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    const rows = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows.rows) {
      const pid = Number(/^[a-z]+_[a-z0-9]+_(\d+)/.exec(datname)?.[1]);
      let alive = false;
      try {
        if (pid) process.kill(pid, 0);
        alive = Boolean(pid);
      } catch {
        alive = false;
      }
      if (!alive)
        await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`).catch(() => undefined);
    }
  });
}
