import { withReader } from '@/lib/server/api';
import { listDocuments } from '@/lib/server/dal/documents';

export const GET = withReader({}, async ({ reader }) => ({ documents: await listDocuments(reader) }));
