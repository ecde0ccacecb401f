/** Placeholder until the import wizard lands. */
export function ImportPage() {
  return <div style={{ padding: 24 }}>import wizard</div>;
}
