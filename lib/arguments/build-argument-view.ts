// The argument of a reading, built from tagged annotations and the links between them: each
// claim with the evidence that supports or contradicts it and the framing and qualifications
// attached to it; the evidence no one has linked and the claims nothing supports (a
// facilitator's discussion prompts). Pure: the caller passes only what the reader may see,
// and links whose ends are missing from that (hidden, deleted, not visible) are dropped here
// too, so a link can never bring an annotation into the view by itself.

/** An annotation as the argument view needs it. */
export interface ArgumentAnnotation {
  id: string;
  tags: readonly string[];
  exact: string;
  /** the ¶ number of the paragraph it starts in (null for a title, heading, caption…) */
  paragraph: number | null;
  /** the block anchor it starts in, for a link to the passage (`#p-7`) */
  anchor: string;
  authorName: string;
}

export interface ArgumentLink {
  id: string;
  fromId: string;
  toId: string;
  /** relation slug */
  relation: string;
  note: string;
}

export const RELATION_ROLES = ['supports', 'contradicts', 'frames', 'qualifies'] as const;
export type RelationRole = (typeof RELATION_ROLES)[number] | 'other';

export interface LinkedItem {
  link: ArgumentLink & { inCycle: boolean };
  annotation: ArgumentAnnotation;
}

export interface ClaimEntry {
  claim: ArgumentAnnotation;
  /** links into the claim, by the role of their relation */
  incoming: Record<RelationRole, LinkedItem[]>;
  /** links from the claim to other annotations (a claim supporting another claim) */
  outgoing: LinkedItem[];
}

export interface ArgumentView {
  claims: ClaimEntry[];
  unlinkedEvidence: ArgumentAnnotation[];
  unsupportedClaims: ArgumentAnnotation[];
  /** the claims and every end of a kept link, in document order (the diagram's nodes) */
  nodes: ArgumentAnnotation[];
  /** the links kept, in the order given, each marked when it lies on a cycle */
  links: (ArgumentLink & { inCycle: boolean })[];
  dropped: { linkId: string; reason: 'self-link' | 'end-not-visible' }[];
}

export function roleOf(relation: string): RelationRole {
  return (RELATION_ROLES as readonly string[]).includes(relation) ? (relation as RelationRole) : 'other';
}

const emptyIncoming = (): Record<RelationRole, LinkedItem[]> => ({
  supports: [],
  contradicts: [],
  frames: [],
  qualifies: [],
  other: [],
});

/** Links whose two ends lie on a cycle (A supports B supports A): iterative Kosaraju, so a
 * long chain cannot overflow the stack. */
export function linksOnCycles(links: readonly Pick<ArgumentLink, 'id' | 'fromId' | 'toId'>[]): Set<string> {
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const l of links) {
    if (!out.has(l.fromId)) out.set(l.fromId, []);
    if (!into.has(l.toId)) into.set(l.toId, []);
    out.get(l.fromId)!.push(l.toId);
    into.get(l.toId)!.push(l.fromId);
  }
  const nodes = [...new Set(links.flatMap((l) => [l.fromId, l.toId]))];
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of nodes) {
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: [string, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = (out.get(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        order.push(top[0]);
        stack.pop();
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    }
  }
  const component = new Map<string, number>();
  let count = 0;
  for (const start of order.reverse()) {
    if (component.has(start)) continue;
    const stack = [start];
    component.set(start, count);
    while (stack.length > 0) {
      for (const prev of into.get(stack.pop()!) ?? []) {
        if (component.has(prev)) continue;
        component.set(prev, count);
        stack.push(prev);
      }
    }
    count++;
  }
  return new Set(links.filter((l) => component.get(l.fromId) === component.get(l.toId)).map((l) => l.id));
}

/** `annotations` in document order, only those the reader sees; `links` as they come. */
export function buildArgumentView(
  annotations: readonly ArgumentAnnotation[],
  links: readonly ArgumentLink[],
): ArgumentView {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const dropped: ArgumentView['dropped'] = [];
  const valid = links.filter((l) => {
    if (l.fromId === l.toId) dropped.push({ linkId: l.id, reason: 'self-link' });
    else if (!byId.has(l.fromId) || !byId.has(l.toId))
      dropped.push({ linkId: l.id, reason: 'end-not-visible' });
    else return true;
    return false;
  });
  const cyclic = linksOnCycles(valid);
  const kept = valid.map((l) => ({ ...l, inCycle: cyclic.has(l.id) }));
  const position = new Map(annotations.map((a, i) => [a.id, i]));
  const inDocumentOrder = (a: LinkedItem, b: LinkedItem) =>
    position.get(a.annotation.id)! - position.get(b.annotation.id)!;

  const claims = annotations.filter((a) => a.tags.includes('claim'));
  const entries = claims.map((claim): ClaimEntry => {
    const incoming = emptyIncoming();
    for (const link of kept.filter((l) => l.toId === claim.id))
      incoming[roleOf(link.relation)].push({ link, annotation: byId.get(link.fromId)! });
    for (const items of Object.values(incoming)) items.sort(inDocumentOrder);
    const outgoing = kept
      .filter((l) => l.fromId === claim.id)
      .map((link) => ({ link, annotation: byId.get(link.toId)! }))
      .sort(inDocumentOrder);
    return { claim, incoming, outgoing };
  });
  const linked = new Set(kept.flatMap((l) => [l.fromId, l.toId]));
  return {
    nodes: annotations.filter((a) => linked.has(a.id) || a.tags.includes('claim')),
    claims: entries,
    unlinkedEvidence: annotations.filter((a) => a.tags.includes('evidence') && !linked.has(a.id)),
    unsupportedClaims: entries.filter((e) => e.incoming.supports.length === 0).map((e) => e.claim),
    links: kept,
    dropped,
  };
}

const VERBS: Record<RelationRole, string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  frames: 'framed by',
  qualifies: 'qualified by',
  other: 'linked from',
};

const QUOTE_CHARS = 60;

/** "¶3 “The first words of the passage…”" (or "title", "heading" when no ¶). */
export function describePassage(a: Pick<ArgumentAnnotation, 'paragraph' | 'exact'>): string {
  const words = a.exact.replace(/\s+/g, ' ').trim();
  const quote = words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : words;
  return `${a.paragraph === null ? 'Outside the paragraphs' : `¶${a.paragraph}`} “${quote}”`;
}

/** One sentence per claim, the same in the page's lists, the diagram's text equivalent and
 * the CSV and Markdown exports: "Claim ¶3 “…”: supported by ¶7 “…” and ¶9 “…”; framed by ¶2 “…”." */
export function describeClaim(
  entry: ClaimEntry,
  relationName: (slug: string) => string = (slug) => slug,
): string {
  const parts: string[] = [];
  for (const role of [...RELATION_ROLES, 'other'] as const) {
    const items = entry.incoming[role];
    if (items.length === 0) continue;
    if (role !== 'other')
      parts.push(`${VERBS[role]} ${joinAnd(items.map((i) => describePassage(i.annotation)))}`);
    else
      for (const item of items)
        parts.push(`${relationName(item.link.relation)} (from) ${describePassage(item.annotation)}`);
  }
  const head = `Claim ${describePassage(entry.claim)}`;
  return parts.length === 0 ? `${head}: nothing linked yet.` : `${head}: ${parts.join('; ')}.`;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
