import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encodeInviteCode,
  INVITE_CODE_BYTES,
  INVITE_CODE_LENGTH,
  invitePath,
  normalizeInviteCode,
} from './invite-code';

describe('invite codes', () => {
  it('encodes 80 random bits as 16 lower-case base32 characters', () => {
    const code = encodeInviteCode(new Uint8Array(INVITE_CODE_BYTES).fill(0xff));
    expect(code).toBe('7777777777777777');
    expect(encodeInviteCode(new Uint8Array(INVITE_CODE_BYTES))).toBe('aaaaaaaaaaaaaaaa');
    // RFC 4648's alphabet: the same as Python's base64.b32encode(b'foobarbaz!').lower()
    expect(encodeInviteCode(new TextEncoder().encode('foobarbaz!'))).toBe('mzxw6ytbojrgc6rb');
  });

  it('gives different, well-formed codes for different random bytes', () => {
    const codes = new Set(
      Array.from({ length: 200 }, () => encodeInviteCode(randomBytes(INVITE_CODE_BYTES))),
    );
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(normalizeInviteCode(code)).toBe(code);
    }
  });

  it('refuses too few random bytes rather than making a guessable code', () => {
    expect(() => encodeInviteCode(new Uint8Array(4))).toThrow(/random bytes/);
  });

  it('accepts a code typed in capitals, with spaces or dashes, or the whole pasted link', () => {
    const code = 'abcdefghijk23456';
    expect(normalizeInviteCode('  ABCD-EFGH IJK2-3456 ')).toBe(code);
    expect(normalizeInviteCode(`https://marginalia.example/join/${code}`)).toBe(code);
    expect(normalizeInviteCode(`http://127.0.0.1:3000/join/${code}?utm=x#top`)).toBe(code);
    expect(invitePath(code)).toBe(`/join/${code}`);
  });

  it('treats malformed input as no code at all', () => {
    for (const bad of [
      '',
      'short',
      'abcdefghijk234567',
      'abcdefghijk2345!',
      'abcdefghijk23451',
      '../../etc/passwd',
      '/join/%E0%A4%A',
    ]) {
      expect(normalizeInviteCode(bad)).toBeNull();
    }
  });
});
