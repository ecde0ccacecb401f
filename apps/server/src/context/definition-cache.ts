import type { AppRepository, FormRepository } from '@formflow/store';
import type { FormDef, PermissionGroupDef } from '@formflow/schema';
import type { TurnCache } from './turn-cache.js';

export type LiveForm = {
  workspaceId: string;
  appId: string;
  formId: string;
  version: number;
  definition: FormDef;
  /** The app's revision, read with the form's head in the same statement (keys its permission groups). */
  appRevision: number;
};

const MAX_ENTRIES = 500;

/** A small LRU map (Map keeps insertion order; a hit is re-inserted at the end). */
class Lru<V> {
  private readonly map = new Map<string, V>();
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > MAX_ENTRIES) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * Published definitions are immutable per version, so they are parsed once and cached by
 * `(workspace, form, version)`; the form's current head (one indexed row) is read once per event-loop turn (the
 * server's `TurnCache`), so a publish, a delete or a permission change is seen by the very next request.
 */
export class DefinitionCache {
  private readonly forms = new Lru<LiveForm>();
  private readonly groups = new Lru<readonly PermissionGroupDef[]>();

  constructor(
    private readonly formRepository: FormRepository,
    private readonly appRepository: AppRepository,
    private readonly turn?: TurnCache,
  ) {}

  /**
   * The live (latest published) definition of a form, or undefined (absent, deleted, other workspace, unpublished).
   * Its head is read once per event-loop turn when a `TurnCache` is given.
   */
  liveForm(workspaceId: string, formId: string): LiveForm | undefined {
    if (!this.turn) return this.readLiveForm(workspaceId, formId);
    return (
      this.turn.get(`form\u0000${workspaceId}\u0000${formId}`, () => this.readLiveForm(workspaceId, formId)) ??
      undefined
    );
  }

  private readLiveForm(workspaceId: string, formId: string): LiveForm | undefined {
    const head = this.formRepository.publishedHead(workspaceId, formId);
    if (!head || head.publishedVersion === null) return undefined;
    const key = JSON.stringify([workspaceId, formId, head.publishedVersion]);
    const hit = this.forms.get(key);
    if (hit && hit.appId === head.appId)
      return hit.appRevision === head.appRevision ? hit : { ...hit, appRevision: head.appRevision };
    const published = this.formRepository.getPublished(workspaceId, formId, head.publishedVersion);
    if (!published) return undefined;
    const live: LiveForm = {
      workspaceId,
      appId: head.appId,
      formId,
      version: published.version,
      definition: published.definition,
      appRevision: head.appRevision,
    };
    this.forms.set(key, live);
    return live;
  }

  /**
   * The permission groups of an app, keyed by the app's revision (bumped by every change), so no change is missed.
   * A caller that read the revision in this request already (`LiveForm.appRevision`) passes it: one read fewer.
   */
  permissionGroups(workspaceId: string, appId: string, knownRevision?: number): readonly PermissionGroupDef[] {
    const revision = knownRevision ?? this.appRepository.revision(workspaceId, appId);
    if (revision === undefined) return [];
    const key = JSON.stringify([workspaceId, appId, revision]);
    const hit = this.groups.get(key);
    if (hit) return hit;
    const groups = this.appRepository.permissionGroups(workspaceId, appId);
    this.groups.set(key, groups);
    return groups;
  }
}
