// npm install → `prisma generate`. Prisma 6.19 tries to download a native query engine
// when the schema's DATABASE_URL is unset, which fails offline; generating never
// connects, so any well-formed URL will do (see docs/adr/0001).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const prisma = fileURLToPath(new URL('../node_modules/prisma/build/index.js', import.meta.url));
const result = spawnSync(process.execPath, [prisma, 'generate'], {
  stdio: 'inherit',
  env: {
    CHECKPOINT_DISABLE: '1',
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || 'postgresql://placeholder@127.0.0.1:1/placeholder',
  },
});
process.exit(result.status ?? 1);
