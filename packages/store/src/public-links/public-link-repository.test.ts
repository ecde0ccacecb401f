import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsForm, openFormTestStore } from '../forms/form-test-support.js';
import type { Store } from '../store.js';
import { isLinkOpen, PublicLinkRepository } from './public-link-repository.js';

let store: Store;
let close: () => void;
let links: PublicLinkRepository;
let now = new Date('2026-03-01T00:00:00.000Z');

beforeEach(() => {
  const opened = openFormTestStore();
  ({ store, close } = opened);
  const made = opened.forms.createForm({ workspaceId: 'wA', appId: 'app-wA', definition: contactsForm(), actor: null });
  if (!made.ok) throw new Error('form');
  links = new PublicLinkRepository(store.db, () => now);
});
afterEach(() => close());

describe('PublicLinkRepository', () => {
  it('creates links with unique 256-bit tokens, reads them by workspace or token', () => {
    const a = links.createLink({
      workspaceId: 'wA',
      formId: 'contacts',
      name: '官网',
      fields: ['name'],
      expiresAt: null,
      createdBy: 'm1',
    });
    const b = links.createLink({
      workspaceId: 'wA',
      formId: 'contacts',
      name: null,
      fields: ['name', 'email'],
      expiresAt: null,
      createdBy: null,
    });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(links.getLink('wA', a.id)).toEqual(a);
    expect(links.getLink('wB', a.id)).toBeUndefined();
    expect(links.getByToken(b.token)?.fields).toEqual(['name', 'email']);
    expect(links.getByToken('nope')).toBeUndefined();
    expect(links.listLinks('wA', 'contacts').map((l) => l.id)).toEqual([a.id, b.id]);
    expect(links.listLinks('wB', 'contacts')).toEqual([]);
  });

  it('updates, counts submissions and deletes, scoped by workspace', () => {
    const link = links.createLink({
      workspaceId: 'wA',
      formId: 'contacts',
      name: 'x',
      fields: ['name'],
      expiresAt: null,
      createdBy: null,
    });
    now = new Date('2026-03-02T00:00:00.000Z');
    expect(links.updateLink('wB', link.id, { enabled: false })).toBeUndefined();
    const off = links.updateLink('wA', link.id, { enabled: false, name: null });
    expect(off).toMatchObject({ enabled: false, name: null, fields: ['name'], updatedAt: '2026-03-02T00:00:00.000Z' });
    links.countSubmission('wA', link.id);
    links.countSubmission('wB', link.id);
    expect(links.getLink('wA', link.id)?.submissions).toBe(1);
    expect(links.deleteLink('wB', link.id)).toBe(false);
    expect(links.deleteLink('wA', link.id)).toBe(true);
    expect(links.getByToken(link.token)).toBeUndefined();
  });

  it('is open while enabled and before expiry', () => {
    const link = links.createLink({
      workspaceId: 'wA',
      formId: 'contacts',
      name: null,
      fields: ['name'],
      expiresAt: '2026-03-10T00:00:00.000Z',
      createdBy: null,
    });
    expect(isLinkOpen(link, new Date('2026-03-09T23:59:59.999Z'))).toBe(true);
    expect(isLinkOpen(link, new Date('2026-03-10T00:00:00.000Z'))).toBe(false);
    expect(isLinkOpen({ ...link, enabled: false }, new Date('2026-03-01T00:00:00.000Z'))).toBe(false);
  });

  it('refuses a link to a form of another workspace (foreign key)', () => {
    expect(() =>
      links.createLink({
        workspaceId: 'wB',
        formId: 'contacts',
        name: null,
        fields: ['name'],
        expiresAt: null,
        createdBy: null,
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});
