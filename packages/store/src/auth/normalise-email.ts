/** Longest email accepted (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The comparison form of an email: trimmed, NFC, lower case (RELIABILITY K4), so `Ä@x.io`, `ä@x.io` and the NFD
 * spelling are one address. Unique checks and login lookups use it; the address as typed is kept for display.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** A deliberately small plausibility check: one `@` with text on both sides, no spaces, at most 254 characters. */
export function isPlausibleEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+$/u.test(trimmed);
}
