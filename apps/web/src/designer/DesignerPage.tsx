/** Placeholder until the designer lands. */
export function DesignerPage() {
  return <div style={{ padding: 24 }}>designer</div>;
}
