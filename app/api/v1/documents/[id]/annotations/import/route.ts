import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { importQuerySchema, MAX_IMPORT_BYTES } from '@/lib/import/schemas';
import { BodyTooLargeError, readCappedText } from '@/lib/http/read-body';
import { serverOrigins } from '@/lib/import/own-ids';
import { withReader } from '@/lib/server/api';
import { importAnnotations } from '@/lib/server/dal/annotation-import';
import { AppError } from '@/lib/server/errors';

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);

/** The file as text, read through the one capped reader with the import's own limit. */
async function readImportFile(request: Request): Promise<string> {
  try {
    return await readCappedText(request, MAX_IMPORT_BYTES);
  } catch (error) {
    throw error instanceof BodyTooLargeError ? tooLarge() : error;
  }
}

export const POST = withReader(
  { params, query: importQuerySchema, rawBody: true },
  async ({ reader, params, query, request }) =>
    importAnnotations(
      reader,
      params.id,
      await readImportFile(request),
      query,
      // The file's URLs on this server (as its exports write them, or as a client reached it)
      // name annotations that may still be here.
      serverOrigins(process.env.BETTER_AUTH_URL, request.url),
    ),
);
