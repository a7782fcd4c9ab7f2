import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { importQuerySchema, MAX_IMPORT_BYTES } from '@/lib/export/schemas';
import { BodyTooLargeError, readCappedText } from '@/lib/http/read-body';
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
    importAnnotations(reader, params.id, await readImportFile(request), query),
);
