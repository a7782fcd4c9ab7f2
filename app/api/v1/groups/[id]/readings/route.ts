import { addReadingSchema } from '@/lib/library/schemas';
import { json, withReader } from '@/lib/server/api';
import { addReading, listReadings } from '@/lib/server/dal/readings';
import { groupParams as params } from '../params';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  readings: await listReadings(reader, params.id),
}));

/** Facilitators add an article they can see to the end of the list. */
export const POST = withReader({ params, body: addReadingSchema }, async ({ reader, params, body }) =>
  json({ readings: await addReading(reader, params.id, body) }, 201),
);
