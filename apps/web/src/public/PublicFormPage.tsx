/** Placeholder until the public form lands. */
export function PublicFormPage() {
  return <div style={{ padding: 24 }}>public form</div>;
}
