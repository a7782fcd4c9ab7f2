import 'server-only';
import { API_TOKENS_PER_READER_MAX, type ApiTokenView, type CreatedApiToken } from '@/lib/account/schemas';
import { newApiTokenSecret } from '../api-tokens';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { Reader } from '../session';

// The reader's personal API tokens (docs/adr/0012): each reader sees and revokes only their
// own; another reader's token id is 404 like anything else not theirs.

const viewSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

function toView(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  } satisfies ApiTokenView;
}

export async function listApiTokens(reader: Reader): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: reader.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: viewSelect,
  });
  return rows.map(toView);
}

export async function createApiToken(reader: Reader, name: string): Promise<CreatedApiToken> {
  const count = await db.apiToken.count({ where: { userId: reader.id } });
  if (count >= API_TOKENS_PER_READER_MAX)
    throw new AppError(
      'CONFLICT',
      `You already have ${API_TOKENS_PER_READER_MAX} tokens. Revoke one you no longer use first.`,
    );
  const { secret, hash, prefix } = newApiTokenSecret();
  const row = await db.apiToken.create({
    data: { userId: reader.id, name, prefix, tokenHash: hash },
    select: viewSelect,
  });
  return { token: toView(row), secret };
}

export async function revokeApiToken(reader: Reader, id: string): Promise<void> {
  const { count } = await db.apiToken.deleteMany({ where: { id, userId: reader.id } });
  if (count === 0) throw notFound('The token');
}
