/** One link a record holds: relation slot `fieldKey` (a field id, or `subtableId.columnId`) → record `toRecordId`. */
export type OutgoingLink = { fieldKey: string; toRecordId: string };

/** A record that links to some record, and through which relation slot. */
export type Linker = { fromRecordId: string; fromFormId: string; fieldKey: string };
