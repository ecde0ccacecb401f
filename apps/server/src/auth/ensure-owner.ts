import { randomBytes } from 'node:crypto';
import { AuthRepository, type Store } from '@formflow/store';

export type EnsureOwnerResult =
  | { created: false }
  | { created: true; workspaceId: string; memberId: string; email: string; generatedPassword?: string };

/** The default owner email when FORMFLOW_ADMIN_EMAIL is not set. */
export const DEFAULT_OWNER_EMAIL = 'admin@formflow.local';

/**
 * First start: when no workspace exists, creates one with its owner from the given email / password (the CLI
 * passes FORMFLOW_ADMIN_EMAIL / FORMFLOW_ADMIN_PASSWORD), generating a strong password when none is given. The
 * generated password is returned, never logged: the CLI prints it once. Concurrent calls (two processes) create
 * exactly one workspace (RELIABILITY C3); the loser answers `{ created: false }`.
 */
export async function ensureOwner(
  store: Store,
  options: { email?: string; password?: string; workspaceName?: string },
  log?: { info: (message: string) => void },
): Promise<EnsureOwnerResult> {
  const auth = new AuthRepository(store.db);
  if (auth.hasWorkspace()) return { created: false };
  const email = options.email?.trim() || DEFAULT_OWNER_EMAIL;
  const generatedPassword = options.password ? undefined : randomBytes(18).toString('base64url');
  const result = await auth.createWorkspaceWithOwner({
    workspaceName: options.workspaceName ?? 'Formflow',
    email,
    password: options.password || (generatedPassword ?? ''),
    firstOwner: true,
  });
  if (!result.ok) {
    if (result.reason === 'ALREADY_INITIALIZED') return { created: false };
    throw new Error(
      result.reason === 'WEAK_PASSWORD'
        ? 'FORMFLOW_ADMIN_PASSWORD must be at least 8 characters'
        : `FORMFLOW_ADMIN_EMAIL is not a valid email: ${email}`,
    );
  }
  log?.info(`created the first workspace and its owner ${email}`);
  return {
    created: true,
    workspaceId: result.workspace.id,
    memberId: result.member.id,
    email,
    ...(generatedPassword ? { generatedPassword } : {}),
  };
}
