import { libraryQuerySchema as query } from '@/lib/library/schemas';
import { withReader } from '@/lib/server/api';
import { getLibrary } from '@/lib/server/dal/library';

/** The reader's library: their seminars' reading lists, their own articles, public ones. */
export const GET = withReader({ query }, async ({ reader, query }) => getLibrary(reader, query));
