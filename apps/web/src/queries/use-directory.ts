import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';

/** Members of the workspace (member pickers, "created by" names). Cached for the session. */
export function useMembers() {
  return useQuery({ queryKey: keys.members, queryFn: endpoints.directory.members, staleTime: 5 * 60_000 });
}

/** Departments, flat (build the tree from parentId). */
export function useDepartments() {
  return useQuery({ queryKey: keys.departments, queryFn: endpoints.directory.departments, staleTime: 5 * 60_000 });
}
