import type { ViewDef } from '@formflow/schema';
import { endpoints } from '../api/endpoints.js';
import type { AppDetail } from '../api/types.js';

/**
 * Writes the app's views: reads the app definition fresh (someone may have changed it since the page loaded), applies
 * `change` to its views and PUTs the whole definition without forms. Owners and admins only (the server answers 403
 * with its message otherwise).
 */
export async function saveViews(appId: string, change: (views: ViewDef[]) => ViewDef[]): Promise<AppDetail> {
  const app = await endpoints.apps.get(appId);
  const definition: Partial<AppDetail> = { ...app };
  delete definition.forms;
  return endpoints.apps.replace(appId, {
    ...(definition as Omit<AppDetail, 'forms'>),
    views: change(app.views ?? []),
  });
}
