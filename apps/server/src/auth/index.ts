export type { Actor } from './actor.js';
export { registerAuth, type AuthOptions } from './register-auth.js';
export { requireActor } from './require-actor.js';
export { ensureOwner, DEFAULT_OWNER_EMAIL, type EnsureOwnerResult } from './ensure-owner.js';
export { LoginRateLimiter, type RateLimitOptions } from './login-rate-limiter.js';
export { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
export { resolveActor, SESSION_COOKIE } from './resolve-actor.js';
