import { containedReplyRoute } from '@/lib/server/w3c-contained-routes';

// A reply's IRI: the reply as a W3C annotation with motivation "replying" on its annotation.
const route = containedReplyRoute();
export const GET = route.GET;
export const HEAD = route.HEAD;
export const OPTIONS = route.OPTIONS;
