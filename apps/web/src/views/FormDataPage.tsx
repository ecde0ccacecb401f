/** Placeholder until the data views lands. */
export function FormDataPage() {
  return <div style={{ padding: 24 }}>data views</div>;
}
