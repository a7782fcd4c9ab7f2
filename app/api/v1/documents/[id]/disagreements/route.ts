import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { linkQuerySchema } from '@/lib/links/schemas';
import { withReader } from '@/lib/server/api';
import { getDisagreements } from '@/lib/server/dal/arguments';

/** Passages readers tagged differently, most split first, and the agreement figure. */
export const GET = withReader({ params, query: linkQuerySchema }, async ({ reader, params, query }) =>
  getDisagreements(reader, params.id, query),
);
