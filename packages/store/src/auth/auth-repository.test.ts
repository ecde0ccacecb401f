import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { tempDir } from '../testing/temp-dir.js';
import { AuthRepository } from './auth-repository.js';
import { normaliseEmail } from './normalise-email.js';
import { verifyPassword } from './password-hash.js';
import { sha256Hex } from './secret-token.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let auth: AuthRepository;
let clock = new Date('2026-01-01T00:00:00Z');
beforeEach(() => {
  dir = tempDir();
  clock = new Date('2026-01-01T00:00:00Z');
  store = openStore({ path: dir.file('app.db') });
  auth = new AuthRepository(store.db, () => clock);
});
afterEach(() => {
  store.close();
  dir.remove();
});

async function owner(email = 'Owner@Example.com', password = 'correct horse') {
  const created = await auth.createWorkspaceWithOwner({ workspaceName: 'Acme', email, password });
  if (!created.ok) throw new Error(created.reason);
  return created;
}

describe('AuthRepository', () => {
  it('stores passwords as scrypt strings and sessions / keys only as SHA-256', async () => {
    const { member, workspace } = await owner();
    const row = store.db.prepare('SELECT password_hash, role FROM members WHERE id = ?').get(member.id) as {
      password_hash: string;
      role: string;
    };
    expect(row.role).toBe('owner');
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('correct horse', row.password_hash)).toBe(true);
    expect(await verifyPassword('wrong horse!', row.password_hash)).toBe(false);
    const session = auth.createSession(workspace.id, member.id);
    const key = auth.createApiKey({ workspaceId: workspace.id, memberId: member.id, name: 'ci' });
    const sessionIds = store.db.prepare('SELECT id FROM sessions').pluck().all();
    expect(sessionIds).toEqual([sha256Hex(session?.token ?? '')]);
    const keyRow = store.db.prepare('SELECT prefix, hash FROM api_keys').get() as { prefix: string; hash: string };
    expect(key?.key.startsWith(`ff_${keyRow.prefix}_`)).toBe(true);
    expect(keyRow.hash).toBe(sha256Hex(key?.key ?? ''));
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM sessions, api_keys').all());
    expect(dump).not.toContain(session?.token);
    expect(dump).not.toContain(key?.key.slice(12));
  });

  it('refuses short passwords and finds members by normalised email (K4)', async () => {
    expect(await auth.createWorkspaceWithOwner({ workspaceName: 'A', email: 'a@x.io', password: 'short' })).toEqual({
      ok: false,
      reason: 'WEAK_PASSWORD',
    });
    const nfd = 'ÉVA@Example.com'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const { workspace } = await owner(nfd);
    expect(auth.findMemberByEmail(workspace.id, 'éva@EXAMPLE.com'.normalize('NFC'))).toBeDefined();
    expect(normaliseEmail(nfd)).toBe('éva@example.com'.normalize('NFC'));
    const dup = await auth.addMember({ workspaceId: workspace.id, email: ' éva@example.com '.normalize('NFC') });
    expect(dup).toEqual({ ok: false, reason: 'EMAIL_TAKEN' });
  });

  it('answers the same null for unknown email, wrong password and suspended member', async () => {
    const { member, workspace } = await owner();
    expect(await auth.verifyLogin({ email: 'owner@example.com', password: 'correct horse' })).toMatchObject({
      id: member.id,
    });
    expect(await auth.verifyLogin({ email: 'nobody@example.com', password: 'correct horse' })).toBeNull();
    expect(await auth.verifyLogin({ email: 'owner@example.com', password: 'wrong horse' })).toBeNull();
    auth.setMemberStatus(workspace.id, member.id, 'suspended');
    expect(await auth.verifyLogin({ email: 'owner@example.com', password: 'correct horse' })).toBeNull();
  });

  it('checks expiry, revocation and suspension on every getSession (H7)', async () => {
    const { member, workspace } = await owner();
    const session = auth.createSession(workspace.id, member.id, 60_000);
    const token = session?.token ?? '';
    expect(auth.getSession(token)?.member.id).toBe(member.id);
    auth.setMemberStatus(workspace.id, member.id, 'suspended');
    expect(auth.getSession(token)).toBeNull();
    auth.setMemberStatus(workspace.id, member.id, 'active');
    expect(auth.getSession(token)?.workspace.id).toBe(workspace.id);
    clock = new Date(clock.getTime() + 61_000);
    expect(auth.getSession(token)).toBeNull();
    const second = auth.createSession(workspace.id, member.id);
    expect(auth.revokeSession(second?.token ?? '')).toBe(true);
    expect(auth.getSession(second?.token ?? '')).toBeNull();
  });

  it('authenticates API keys until revoked, and revokes only within the workspace (H4)', async () => {
    const a = await owner('a@example.com');
    const b = await owner('b@example.com');
    const key = auth.createApiKey({ workspaceId: a.workspace.id, memberId: a.member.id, name: 'ci' });
    expect(auth.authenticateApiKey(key?.key ?? '')?.workspace.id).toBe(a.workspace.id);
    expect(auth.authenticateApiKey(`${key?.key.slice(0, -1)}x`)).toBeNull();
    expect(auth.createApiKey({ workspaceId: b.workspace.id, memberId: a.member.id, name: 'x' })).toBeNull();
    expect(auth.revokeApiKey(b.workspace.id, key?.id ?? '')).toBe(false);
    expect(auth.revokeApiKey(a.workspace.id, key?.id ?? '')).toBe(true);
    expect(auth.authenticateApiKey(key?.key ?? '')).toBeNull();
  });

  it('lets exactly one concurrent first-owner setup win, by the instance_setup key (C3)', async () => {
    const other = openStore({ path: dir.file('app.db') });
    try {
      const results = await Promise.all(
        [auth, new AuthRepository(other.db)].map((repo, i) =>
          repo.createWorkspaceWithOwner({
            workspaceName: `W${i}`,
            email: `o${i}@x.io`,
            password: 'long enough',
            firstOwner: true,
          }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'ALREADY_INITIALIZED' }]);
      expect(store.db.prepare('SELECT count(*) FROM workspaces').pluck().get()).toBe(1);
      expect(store.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    } finally {
      other.close();
    }
  });
});
