/** Placeholder until the login lands. */
export function LoginPage() {
  return <div style={{ padding: 24 }}>login</div>;
}
