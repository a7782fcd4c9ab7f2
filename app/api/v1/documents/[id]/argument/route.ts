import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { linkQuerySchema } from '@/lib/links/schemas';
import { withReader } from '@/lib/server/api';
import { getArgumentView } from '@/lib/server/dal/arguments';

/** Each claim with its evidence and framing; unlinked evidence and unsupported claims. */
export const GET = withReader({ params, query: linkQuerySchema }, async ({ reader, params, query }) =>
  getArgumentView(reader, params.id, query),
);
