import { z } from 'zod';
import { ID_MAX } from '@/lib/limits';

// Ids are checked by the DAL, which answers 404 for anything that is not one of the
// reader's groups — a malformed id included.
export const groupParams = z.object({ id: z.string().max(ID_MAX) });
export const memberParams = groupParams.extend({ userId: z.string().min(1).max(ID_MAX) });
export const tagParams = groupParams.extend({ tagId: z.string().max(ID_MAX) });
