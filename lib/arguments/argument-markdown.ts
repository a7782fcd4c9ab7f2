// The argument view as a section of the Markdown export: one line per claim ("Claim ¶3 “…”:
// supported by ¶7 “…” and ¶9 “…”; framed by ¶2 “…”."), then the discussion prompts.
import { escapeMarkdownInline } from '@/lib/export/markdown-escape';
import { describeClaim, describePassage, type ArgumentView } from './build-argument-view';

export function argumentMarkdown(
  view: ArgumentView,
  relationName: (slug: string) => string = (s) => s,
): string {
  if (view.links.length === 0) return '';
  const lines = ['## Argument', ''];
  for (const entry of view.claims)
    lines.push(`- ${escapeMarkdownInline(describeClaim(entry, relationName))}`);
  const prompt = (title: string, items: ArgumentView['unlinkedEvidence']) => {
    if (items.length === 0) return;
    lines.push('', `### ${title}`, '');
    for (const a of items) lines.push(`- ${escapeMarkdownInline(describePassage(a))}`);
  };
  prompt('Evidence no one has linked', view.unlinkedEvidence);
  prompt('Claims nothing supports', view.unsupportedClaims);
  return `${lines.join('\n')}\n\n`;
}
