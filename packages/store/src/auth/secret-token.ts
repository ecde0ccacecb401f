import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 (hex) of a secret: what the database stores for session tokens and API keys. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 256 random bits, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const API_KEY_PATTERN = /^ff_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** A new API key `ff_<8 hex prefix>_<43-char secret>` and its prefix. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { key: `ff_${prefix}_${randomToken()}`, prefix };
}

/** The prefix of a well-formed API key, or undefined. */
export function apiKeyPrefix(key: string): string | undefined {
  return API_KEY_PATTERN.exec(key)?.[1];
}
