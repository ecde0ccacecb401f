/** CONTRACT (the import/export area replaces this placeholder, keeping the props): download CSV / XLSX. */
export type ExportMenuProps = {
  formId: string;
  /** The toolbar's current filter/sort, exported as shown. */ query?: string;
};

export function ExportMenu(_props: ExportMenuProps) {
  return null;
}
