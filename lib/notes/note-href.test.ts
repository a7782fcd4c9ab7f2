import { describe, expect, it } from 'vitest';
import { completeHref, isAllowedHref } from '@/lib/notes';

describe('isAllowedHref', () => {
  it.each([
    'https://example.org',
    'http://example.org/a?b=c#d',
    'HTTPS://EXAMPLE.ORG',
    'mailto:ada@example.org',
    'https://例え.jp/パス',
  ])('allows %s', (href) => expect(isAllowedHref(href)).toBe(true));

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav\u0000ascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.org',
    '/relative',
    '../up',
    '#anchor',
    '//example.org',
    'https:///example.org',
    'https:\\\\example.org',
    'https://exa mple.org',
    'https://example.org\u2028',
    'https://',
    'mailto:',
    'https://' + 'a'.repeat(2100) + '.org',
  ])('refuses %j', (href) => expect(isAllowedHref(href)).toBe(false));

  it('refuses values that are not strings', () => {
    expect(isAllowedHref(undefined)).toBe(false);
    expect(isAllowedHref({ toString: () => 'https://example.org' })).toBe(false);
  });
});

describe('completeHref', () => {
  it('adds the scheme people leave out', () => {
    expect(completeHref('example.org/page')).toBe('https://example.org/page');
    expect(completeHref('  ada@example.org ')).toBe('mailto:ada@example.org');
    expect(completeHref('https://example.org')).toBe('https://example.org');
  });

  it('still refuses what cannot be a safe link', () => {
    expect(completeHref('javascript:alert(1)')).toBeNull();
    expect(completeHref('/relative')).toBeNull();
    expect(completeHref('not a link')).toBeNull();
    expect(completeHref('')).toBeNull();
  });
});
