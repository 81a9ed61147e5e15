import { createHash, randomInt } from 'node:crypto';

/**
 * Tracking codes (Mã tra cứu): 12 symbols of Crockford's base32 from the operating system's random
 * source (60 bits: not a sequence, not guessable), shown in groups of four ("7K3M-Q9TX-2HPA").
 * Only a hash is stored; a lookup folds what was typed (case, spaces, dashes, O for 0, I/L for 1)
 * and compares hashes.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 12;

export function generateTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return formatTrackingCode(code);
}

/** "7K3MQ9TX2HPA" → "7K3M-Q9TX-2HPA". */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What a person typed, as the 12 symbols of a code, or null when it cannot be one. */
export function normaliseTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const folded = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return folded.length === TRACKING_CODE_LENGTH && [...folded].every((c) => ALPHABET.includes(c)) ? folded : null;
}

/** The stored form of a code. */
export function hashTrackingCode(normalised: string): string {
  return createHash('sha256').update(`question-code:${normalised}`).digest('hex');
}
