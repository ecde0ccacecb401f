import type { IncomingHttpHeaders } from 'node:http';
import type { AuthContext, AuthRepository } from '@formflow/store';
import type { TurnCache } from '../context/turn-cache.js';
import type { Actor } from './actor.js';
import { parseCookies } from './cookies.js';

export const SESSION_COOKIE = 'ff_session';

/** The session token of the `ff_session` cookie, if any. */
export function sessionToken(headers: IncomingHttpHeaders): string | undefined {
  return parseCookies(headers.cookie).get(SESSION_COOKIE) || undefined;
}

/**
 * The actor of a request, read from the database (RELIABILITY H7): once per event-loop turn when a `TurnCache` is
 * given (requests that arrive together share the read; see `TurnCache` for why no change is missed). An `Authorization` header, when
 * present, decides alone: `Bearer ff_…` is an API key, anything else is anonymous (no fallback to the cookie).
 * The URL plays no part, so no path spelling can authenticate differently (H6).
 */
export function resolveActor(auth: AuthRepository, headers: IncomingHttpHeaders, turn?: TurnCache): Actor | null {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const key = /^Bearer +(ff_\S+)$/i.exec(authorization.trim())?.[1];
    if (key === undefined) return null;
    const read = () => auth.authenticateApiKey(key);
    const context = turn ? turn.get(`key\u0000${key}`, read) : read();
    return context ? toActor(context, 'apiKey') : null;
  }
  const token = sessionToken(headers);
  if (token === undefined) return null;
  const read = () => auth.getSession(token);
  const context = turn ? turn.get(`session\u0000${token}`, read) : read();
  return context ? toActor(context, 'session') : null;
}

function toActor(context: AuthContext, via: Actor['via']): Actor {
  const actor: Actor = {
    workspaceId: context.workspace.id,
    memberId: context.member.id,
    role: context.member.role,
    via,
  };
  if (context.directoryRevision !== undefined) actor.directoryRevision = context.directoryRevision;
  return actor;
}
