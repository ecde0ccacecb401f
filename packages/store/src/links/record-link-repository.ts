import type { Database, Statement } from 'better-sqlite3';
import type { RecordData } from '../records/record-types.js';
import type { Linker, OutgoingLink } from './record-link-types.js';

type LinkerRow = { from_record_id: string; from_form_id: string; field_key: string };
type OutgoingRow = { field_key: string; to_record_id: string };

const PAGE = 500;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (link: OutgoingLink): string => `${link.fieldKey}\u0000${link.toRecordId}`;

/**
 * The link index (`record_links`, migration 0004): which records link to which, so the records whose lookups and
 * rollups depend on a changed record are found with one indexed read instead of a scan of JSON. The server keeps it
 * in step inside each record write's transaction (`setLinks` is a no-op when nothing changed). Every call is scoped
 * by workspace.
 */
export class RecordLinkRepository {
  private readonly outgoing: Statement<[string, string], OutgoingRow>;
  private readonly incoming: Statement<[string, string], LinkerRow>;
  private readonly insert: Statement<[string, string, string, string, string]>;
  private readonly deleteOne: Statement<[string, string, string, string]>;
  private readonly deleteAll: Statement<[string, string]>;
  private readonly formPage: Statement<[string, string, string, number], { id: string; data: string }>;

  constructor(private readonly db: Database) {
    this.outgoing = db.prepare(
      'SELECT field_key, to_record_id FROM record_links WHERE workspace_id = ? AND from_record_id = ?',
    );
    this.incoming = db.prepare(
      // Served by the covering index `record_links_by_target`. No ORDER BY: to avoid a sort the planner would walk the
      // primary key (every link of the workspace) instead; the rows of one target are sorted here.
      `SELECT from_record_id, from_form_id, field_key FROM record_links WHERE workspace_id = ? AND to_record_id = ?`,
    );
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO record_links (workspace_id, from_record_id, from_form_id, field_key, to_record_id)
        VALUES (?, ?, ?, ?, ?)`,
    );
    this.deleteOne = db.prepare(
      `DELETE FROM record_links
        WHERE workspace_id = ? AND from_record_id = ? AND field_key = ? AND to_record_id = ?`,
    );
    this.deleteAll = db.prepare('DELETE FROM record_links WHERE workspace_id = ? AND from_record_id = ?');
    this.formPage = db.prepare(
      `SELECT id, data FROM records WHERE workspace_id = ? AND form_id = ? AND id > ? ORDER BY id LIMIT ?`,
    );
  }

  /** The links record `fromRecordId` holds. */
  linksFrom(workspaceId: string, fromRecordId: string): OutgoingLink[] {
    return this.outgoing
      .all(workspaceId, fromRecordId)
      .map((row) => ({ fieldKey: row.field_key, toRecordId: row.to_record_id }));
  }

  /** The records (of any form, deleted ones included) that link to `toRecordId`, by record id. */
  linkersOf(workspaceId: string, toRecordId: string): Linker[] {
    return this.incoming
      .all(workspaceId, toRecordId)
      .map((row) => ({ fromRecordId: row.from_record_id, fromFormId: row.from_form_id, fieldKey: row.field_key }))
      .sort((a, b) => compare(a.fromRecordId, b.fromRecordId) || compare(a.fieldKey, b.fieldKey));
  }

  /**
   * Makes the stored links of a record exactly `links`, writing only the difference, atomically (in the caller's
   * transaction when there is one). Returns whether anything changed.
   */
  setLinks(workspaceId: string, fromRecordId: string, fromFormId: string, links: readonly OutgoingLink[]): boolean {
    const apply = () => {
      const wanted = new Map(links.map((link) => [keyOf(link), link]));
      let changed = false;
      for (const link of this.linksFrom(workspaceId, fromRecordId)) {
        if (wanted.delete(keyOf(link))) continue;
        this.deleteOne.run(workspaceId, fromRecordId, link.fieldKey, link.toRecordId);
        changed = true;
      }
      for (const link of wanted.values()) {
        this.insert.run(workspaceId, fromRecordId, fromFormId, link.fieldKey, link.toRecordId);
        changed = true;
      }
      return changed;
    };
    // Inside the caller's transaction (the usual case) no savepoint is needed: its rollback undoes this too.
    return this.db.inTransaction ? apply() : this.db.transaction(apply)();
  }

  /** Forgets every link of a record (a record purged for good). */
  removeLinks(workspaceId: string, fromRecordId: string): void {
    this.deleteAll.run(workspaceId, fromRecordId);
  }

  /**
   * Re-derives the links of every record of a form (deleted ones included) from its data, page by page, e.g. after a
   * field became a relation by a type change. Returns how many records' links changed.
   */
  rebuildForm(workspaceId: string, formId: string, linksOf: (data: RecordData) => readonly OutgoingLink[]): number {
    let after = '';
    let changed = 0;
    for (;;) {
      const page = this.formPage.all(workspaceId, formId, after, PAGE);
      if (page.length === 0) return changed;
      this.db.transaction(() => {
        for (const row of page) {
          if (this.setLinks(workspaceId, row.id, formId, linksOf(JSON.parse(row.data) as RecordData))) changed++;
        }
      })();
      after = page[page.length - 1]!.id;
    }
  }
}
