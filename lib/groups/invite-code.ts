// Invite codes: random, unguessable, easy to read aloud and to paste back.
// The randomness comes from the caller (crypto in the server), so this stays pure.

/** RFC 4648 base32 alphabet, lower-cased: no 0/1/8/9, so 0/O and 1/l never collide. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 characters × 5 bits = 80 bits: far beyond guessing, even by a botnet. */
export const INVITE_CODE_LENGTH = 16;
export const INVITE_CODE_BYTES = 10;

const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

export const INVALID_INVITE_MESSAGE =
  'This invite link is not valid any more. Ask your facilitator for a new one.';

/** Encodes random bytes as an invite code (needs at least INVITE_CODE_BYTES bytes). */
export function encodeInviteCode(bytes: Uint8Array): string {
  if (bytes.length < INVITE_CODE_BYTES)
    throw new Error(`An invite code needs ${INVITE_CODE_BYTES} random bytes.`);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes.subarray(0, INVITE_CODE_BYTES)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** Turns what a reader typed or pasted (a code, a code with spaces or dashes, or the
 * whole invite link) into a code, or null when it cannot be one. */
export function normalizeInviteCode(input: string): string | null {
  let text = input.trim();
  const fromLink = /\/join\/([^/?#\s]+)/.exec(text);
  if (fromLink) text = decodeURIComponentSafe(fromLink[1]);
  const code = text.toLowerCase().replace(/[\s-]+/g, '');
  return CODE_PATTERN.test(code) ? code : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function invitePath(code: string): string {
  return `/join/${code}`;
}
