import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookies.js';

describe('cookies', () => {
  it('parses pairs, trims, unquotes, keeps the first of a duplicated name and skips malformed ones', () => {
    const cookies = parseCookies(' a=1; ff_session=abc-_9 ;b="q"; ff_session=second; =x; novalue; bad name=1; c=a b');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['ff_session', 'abc-_9'],
      ['b', 'q'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
  });

  it('serialises the attributes and refuses values that would need escaping', () => {
    expect(
      serializeCookie('ff_session', 'tok', { maxAgeSeconds: 60.9, httpOnly: true, secure: true, sameSite: 'Lax' }),
    ).toBe('ff_session=tok; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax');
    expect(serializeCookie('a', '', { maxAgeSeconds: -5 })).toBe('a=; Max-Age=0; Path=/');
    expect(() => serializeCookie('a', 'x; Domain=evil')).toThrow();
    expect(() => serializeCookie('a b', 'x')).toThrow();
  });
});
