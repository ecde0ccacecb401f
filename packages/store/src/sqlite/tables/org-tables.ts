import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** Tenants: nothing crosses workspaces. */
export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    email: text('email'),
    status: text('status').notNull().default('active'),
    createdAt: text('created_at').notNull(),
    /** Added by migration 0002 (login): NFC + lower-cased email, unique per workspace; scrypt hash; role. */
    emailFolded: text('email_folded'),
    passwordHash: text('password_hash'),
    role: text('role').notNull().default('member'),
  },
  (t) => [
    index('members_by_workspace').on(t.workspaceId),
    uniqueIndex('members_email_unique').on(t.workspaceId, t.emailFolded),
    index('members_by_email_folded').on(t.emailFolded),
  ],
);

/** The org tree: `parentId` null at the root. */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    parentId: text('parent_id').references((): AnySQLiteColumn => departments.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('departments_by_parent').on(t.workspaceId, t.parentId)],
);

export const roles = sqliteTable('roles', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  name: text('name').notNull(),
});

export const memberRoles = sqliteTable(
  'member_roles',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.roleId] }), index('member_roles_by_role').on(t.roleId)],
);

export const memberDepartments = sqliteTable(
  'member_departments',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.departmentId] }),
    index('member_departments_by_department').on(t.departmentId),
  ],
);
