/** Placeholder until the submit page lands. */
export function SubmitPage() {
  return <div style={{ padding: 24 }}>submit page</div>;
}
