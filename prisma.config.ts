// Prisma CLI configuration. Migrations run on the WebAssembly schema engine through the
// pg driver adapter, because the native schema engine cannot be downloaded on our
// machines (see docs/adr/0001-prisma-6-js-schema-engine.md for the three traps handled here).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

// Trap 1: adapter-pg 6.19 cannot decode the catalog types `name` and `"char"` that the
// schema engine reads; relabel them as text before the adapter sees them. A `"char"`
// column must still reach the engine as a Character (it reads constraint kinds such as
// CHECK with it and panics on text), so remember where those columns were.
type Field = { dataTypeID: number; pgChar?: boolean };
type ResultWithFields = { addFields(fields: Field[]): void };
const resultProto = (pg as unknown as { Result: { prototype: ResultWithFields } }).Result.prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function addFields(fields) {
  for (const field of fields) {
    if (field.dataTypeID === PG_CHAR_OID) field.pgChar = true;
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return originalAddFields.call(this, fields);
};

type QueryResult = { fields: Field[]; rows: unknown[][] };
type RawResult = { columnTypes: number[]; rows: unknown[][] };
const charColumns = new WeakMap<unknown[][], number[]>();
let queryablePatched = false;

function patchAdapter(adapter: object) {
  if (queryablePatched) return;
  let proto: Record<string, unknown> | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto) return;
  const performIO = proto.performIO as (this: unknown, ...args: unknown[]) => Promise<QueryResult>;
  const queryRaw = proto.queryRaw as (this: unknown, ...args: unknown[]) => Promise<RawResult>;
  proto.performIO = async function patchedPerformIO(this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    // A multi-statement script yields an array of results: nothing to mark there.
    if (!Array.isArray(result?.fields)) return result;
    const marked = result.fields.flatMap((field, i) => (field.pgChar ? [i] : []));
    if (marked.length > 0) charColumns.set(result.rows, marked);
    return result;
  };
  // Trap 4: the adapter's executeScript splits a migration on every ";", which breaks
  // function bodies and string literals. PostgreSQL's simple query protocol takes the
  // whole script at once (and runs it atomically), so send it as one query.
  const adapterProto = Object.getPrototypeOf(adapter) as Record<string, unknown>;
  adapterProto.executeScript = async function executeScript(
    this: { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never },
    script: string,
  ) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  proto.queryRaw = async function patchedQueryRaw(this: unknown, ...args: unknown[]) {
    const result = await queryRaw.apply(this, args);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  queryablePatched = true;
}

// Trap 2: given a connection string, the adapter's shadow database keeps the URL's
// database name and migrate dev would run trial migrations on the real database.
function parseConnection(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || (u.searchParams.get('host') ?? '127.0.0.1'),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    // The CLI never closes its pool; without this the process idles 10 s before exiting.
    allowExitOnIdle: true,
  };
}

// Trap 3: the stock shadow-database teardown drops the database while its own pool is
// still connected; close the shadow pool first, then drop.
class MigrationPg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    patchAdapter(admin);
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const pool = new pg.Pool({ ...this.poolConfig, database });
    const Adapter = admin.constructor as new (
      client: pg.Pool,
      options: undefined,
      release: () => Promise<void>,
    ) => typeof admin;
    return new Adapter(pool, undefined, async () => {
      await pool.end().catch(() => undefined);
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    });
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  async adapter() {
    // `prisma generate` (run by npm install) needs the adapter configured but never
    // connects; without one it falls back to downloading native engines, which fails
    // offline. Migrate commands without DATABASE_URL fail on this unreachable address.
    const url =
      process.env.DATABASE_URL || 'postgresql://DATABASE_URL-is-not-set@127.0.0.1:1/set-DATABASE_URL';
    const factory = new MigrationPg(parseConnection(url));
    const probe = await factory.connect();
    patchAdapter(probe);
    await probe.dispose();
    return factory;
  },
});
