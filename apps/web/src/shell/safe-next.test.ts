import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('safeNext', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNext('/apps/crm')).toBe('/apps/crm');
    expect(safeNext('/apps/crm/forms/deals?view=v1&record=r2')).toBe('/apps/crm/forms/deals?view=v1&record=r2');
  });

  it('refuses other hosts, absolute URLs, scripts and the login page itself', () => {
    for (const bad of [
      null,
      undefined,
      '',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'apps/x',
      '/login',
      '/login?next=/x',
    ])
      expect(safeNext(bad)).toBe('/');
  });
});
