const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `prefix` + 8 random base36 characters: a stable id that matches ID_PATTERN (starts with a letter). */
export function newId(prefix: string, random: () => number = Math.random): string {
  let out = prefix;
  for (let i = 0; i < 8; i++) out += ALPHABET[Math.floor(random() * 36) % 36];
  return out;
}

/** A new field id (`f_xxxxxxxx`), never one of `taken`. */
export function newFieldId(taken: ReadonlySet<string> = new Set(), random: () => number = Math.random): string {
  for (;;) {
    const id = newId('f_', random);
    if (!taken.has(id)) return id;
  }
}
