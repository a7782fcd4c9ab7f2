import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { importQuerySchema, MAX_IMPORT_BYTES } from '@/lib/export/schemas';
import { withReader } from '@/lib/server/api';
import { importAnnotations } from '@/lib/server/dal/annotation-import';
import { AppError } from '@/lib/server/errors';

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);

/** Reads the body as text, stopping as soon as it passes the limit. */
async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export const POST = withReader(
  { params, query: importQuerySchema, rawBody: true },
  async ({ reader, params, query, request }) =>
    importAnnotations(reader, params.id, await readLimitedText(request, MAX_IMPORT_BYTES), query),
);
