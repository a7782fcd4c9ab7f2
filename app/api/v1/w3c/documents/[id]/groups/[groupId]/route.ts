import { groupContainerParamsSchema } from '@/lib/w3c/schemas';
import { containerRoute } from '@/lib/server/w3c-handlers';

// The container of a document's annotations shared with one seminar:
// /api/v1/w3c/documents/{id}/groups/{groupId}/ (members only; others get 404).
const route = containerRoute(groupContainerParamsSchema);
export const GET = route.GET;
export const HEAD = route.HEAD;
export const POST = route.POST;
export const OPTIONS = route.OPTIONS;
