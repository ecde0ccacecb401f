/** Where the CLI writes: `process.stdout`/`process.stderr`, or any object with `write` (tests pass collectors). */
export type TextSink = { write(text: string): unknown };
