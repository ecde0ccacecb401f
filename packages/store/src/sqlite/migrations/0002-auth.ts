import type { Migration } from '../migration.js';

/**
 * Login, sessions and API keys. Members gain columns by ALTER TABLE (no rebuild):
 * - `email_folded`: NFC + lower case of `email` (RELIABILITY K4); unique per workspace by index.
 * - `password_hash`: `scrypt$N$r$p$salt$hash` (base64url), NULL for members who cannot log in.
 * - `role`: workspace role. `status` ('active' | 'suspended') already exists (0001).
 * `instance_setup` holds at most one row (`id = 1`): the first-owner setup of the instance, so two concurrent
 * setups cannot both succeed (RELIABILITY C3, decided by the PRIMARY KEY, not an app-level check).
 * Sessions and API keys store only the SHA-256 of their secret.
 */
export const migration0002: Migration = {
  id: '0002',
  name: 'auth',
  statements: [
    'ALTER TABLE members ADD COLUMN email_folded TEXT',
    'ALTER TABLE members ADD COLUMN password_hash TEXT',
    "ALTER TABLE members ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member'))",
    'CREATE UNIQUE INDEX members_email_unique ON members (workspace_id, email_folded)',
    'CREATE INDEX members_by_email_folded ON members (email_folded)',
    `CREATE TABLE instance_setup (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      owner_member_id TEXT NOT NULL REFERENCES members (id),
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL REFERENCES members (id),
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      revoked_at TEXT
    )`,
    'CREATE INDEX sessions_by_member ON sessions (member_id)',
    `CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    )`,
    'CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id, created_at)',
  ],
};
