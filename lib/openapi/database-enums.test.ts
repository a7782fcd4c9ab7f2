import { describe, expect, it } from 'vitest';
import { anchorStatusSchema, tagViewSchema } from '@/lib/annotations/schemas';
import { articleFormatSchema, blockKindSchema } from '@/lib/articles/schemas';
import { AnchorStatus, BlockKind, Role, SourceFormat, UnderlineStyle } from '@/lib/generated/prisma/enums';
import { roleSchema } from '@/lib/groups/schemas';

// The contract's enums are declared once in zod; PostgreSQL's enums (prisma/schema.prisma)
// must hold the same values, or a value one accepts would be refused by the other.
const sorted = (values: readonly string[]) => [...values].sort();

describe('the contract’s enums and the database’s', () => {
  it('list the same block kinds, formats, roles, anchoring states and underline styles', () => {
    expect(sorted(blockKindSchema.options)).toEqual(sorted(Object.values(BlockKind)));
    expect(sorted(articleFormatSchema.options)).toEqual(sorted(Object.values(SourceFormat)));
    expect(sorted(roleSchema.options)).toEqual(sorted(Object.values(Role)));
    expect(sorted(anchorStatusSchema.options)).toEqual(sorted(Object.values(AnchorStatus)));
    expect(sorted(tagViewSchema.shape.underline.options)).toEqual(sorted(Object.values(UnderlineStyle)));
  });
});
