// `npm run db:migrate`: applies the committed migrations to DATABASE_URL's database, then stores
// the export forms of notes written before they were stored (scripts/lib/migrate.ts).
import { migrateDatabase } from './lib/migrate';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)');
  process.exit(1);
}
await migrateDatabase(process.env.DATABASE_URL);
