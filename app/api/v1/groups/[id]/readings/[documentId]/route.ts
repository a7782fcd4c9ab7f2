import { readingParamsSchema as params, updateReadingSchema } from '@/lib/library/schemas';
import { withReader } from '@/lib/server/api';
import { removeReading, updateReading } from '@/lib/server/dal/readings';

/** Move a reading (`position`) and/or set or clear its due date. */
export const PATCH = withReader({ params, body: updateReadingSchema }, async ({ reader, params, body }) => ({
  readings: await updateReading(reader, params.id, params.documentId, body),
}));

export const DELETE = withReader({ params }, async ({ reader, params }) => ({
  readings: await removeReading(reader, params.id, params.documentId),
}));
