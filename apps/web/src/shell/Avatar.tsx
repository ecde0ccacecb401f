const COLOURS = ['#2f6bff', '#13a8a8', '#7b61ff', '#f08a24', '#e5484d', '#2fa86a', '#d6409f', '#0091ff'];

/** A stable colour for a text (an app id, a member name). */
export function colourOf(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

/** The first letter (or CJK character) of a name, upper-cased. */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toUpperCase();
}

/** A round badge with a name's initial. */
export function Avatar({ name, size = 28 }: { name: string; size?: number }) {
  return (
    <span
      className="ff-avatar"
      aria-hidden="true"
      style={{ width: size, height: size, background: colourOf(name), fontSize: Math.round(size * 0.45) }}
    >
      {initialOf(name)}
    </span>
  );
}
