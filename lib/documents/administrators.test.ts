import { describe, expect, it } from 'vitest';
import { isAdminEmail, parseAdminEmails } from './administrators';

describe('ADMIN_EMAILS', () => {
  it('lists trimmed, case-insensitive emails and ignores empty entries', () => {
    const admins = parseAdminEmails(' Ada@Example.org, ,grace@example.org,');
    expect([...admins]).toEqual(['ada@example.org', 'grace@example.org']);
    expect(isAdminEmail(admins, 'ADA@example.org')).toBe(true);
    expect(isAdminEmail(admins, 'alan@example.org')).toBe(false);
  });

  it('names no administrator when unset', () => {
    expect(parseAdminEmails(undefined).size).toBe(0);
  });
});
