// The reply types of the API, inferred from the contract in ./schemas.ts.
import type { z } from 'zod';
import type { replyViewSchema } from './schemas';

/** A reply as the API returns it (body withheld from other members when hidden). */
export type ReplyView = z.infer<typeof replyViewSchema>;
