import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { exportQuerySchema } from '@/lib/export/schemas';
import { withReader } from '@/lib/server/api';
import { prepareExport } from '@/lib/server/dal/export';

/** IRIs in exports must not depend on how a client spelled the host. */
function publicBaseUrl(request: Request): string {
  return process.env.BETTER_AUTH_URL ?? new URL(request.url).origin;
}

export const GET = withReader(
  { params, query: exportQuerySchema },
  async ({ reader, params, query, request }) => {
    const { format, bom, ...filter } = query;
    const prepared = await prepareExport(reader, params.id, {
      format,
      bom,
      filter,
      baseUrl: publicBaseUrl(request),
    });
    const ascii = prepared.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return new Response(prepared.stream(), {
      headers: {
        'content-type': prepared.contentType,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(prepared.filename)}`,
        'x-total-count': String(prepared.total),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
