/** Placeholder until the home lands. */
export function HomePage() {
  return <div style={{ padding: 24 }}>home</div>;
}
