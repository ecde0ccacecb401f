import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';

export const workspaceKey = ['workspace'] as const;

/** The caller's workspace (团队): `{ id, name }`. */
export function useWorkspace() {
  return useQuery({ queryKey: workspaceKey, queryFn: endpoints.workspace.get, staleTime: 5 * 60_000 });
}
