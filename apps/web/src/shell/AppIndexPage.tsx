/** Placeholder until the app index lands. */
export function AppIndexPage() {
  return <div style={{ padding: 24 }}>app index</div>;
}
