export { AuthRepository, SESSION_TTL_MS } from './auth-repository.js';
export type * from './auth-types.js';
export { normaliseEmail, isPlausibleEmail, MAX_EMAIL_LENGTH } from './normalise-email.js';
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './password-hash.js';
export { sha256Hex } from './secret-token.js';
export { migration0002 } from '../sqlite/migrations/0002-auth.js';
