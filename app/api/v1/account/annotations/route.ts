import { withReader } from '@/lib/server/api';
import { exportMyAnnotations } from '@/lib/server/dal/account-export';

export const GET = withReader({}, async ({ reader, request }) => {
  const baseUrl = process.env.BETTER_AUTH_URL ?? new URL(request.url).origin;
  const prepared = await exportMyAnnotations(reader, baseUrl);
  return new Response(prepared.stream, {
    headers: {
      'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
      'content-disposition': `attachment; filename="${prepared.filename}"`,
      'x-total-count': String(prepared.total),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
