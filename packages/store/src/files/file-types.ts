/** An uploaded file's metadata. The bytes live in content-addressed storage under `storageKey` (`ab/abcdef…`). */
export type StoredFile = {
  id: string;
  workspaceId: string;
  /** The user's file name (sanitised, NFC): metadata only, never part of a disk path. */
  name: string;
  mime: string;
  size: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  storageKey: string;
  /** The uploader (a member id), or null for an anonymous public-link upload. */
  createdBy: string | null;
  createdAt: string;
  /** The form and field the upload is for (`fieldId` is `sub.col` for a sub-table column). */
  formId: string | null;
  fieldId: string | null;
};

export type CreateFileInput = Omit<StoredFile, 'id' | 'createdAt'>;
