/** 外链: a public form link accepting anonymous submissions to exactly `fields`. */
export type PublicLink = {
  id: string;
  workspaceId: string;
  formId: string;
  /** 256 random bits, base64url (43 characters): the secret part of the public URL. */
  token: string;
  name: string | null;
  /** Top-level field ids the link exposes, in the order given. */
  fields: string[];
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** ISO instant after which the link answers 404; null = never. */
  expiresAt: string | null;
  /** Submissions accepted through the link. */
  submissions: number;
};

export type CreatePublicLinkInput = {
  workspaceId: string;
  formId: string;
  name: string | null;
  fields: readonly string[];
  expiresAt: string | null;
  createdBy: string | null;
};

/** What PATCH may change; absent properties are kept. */
export type UpdatePublicLinkInput = {
  name?: string | null;
  fields?: readonly string[];
  enabled?: boolean;
  expiresAt?: string | null;
};
