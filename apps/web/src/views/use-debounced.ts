import { useEffect, useState } from 'react';

/** Holds a value back until it has been stable for `ms`; a change of `key` passes at once. */
export function useDebounced<T>(value: T, ms: number, key: string): T {
  const [held, setHeld] = useState({ value, key });
  const text = JSON.stringify(value);
  useEffect(() => {
    if (JSON.stringify(held.value) === text && held.key === key) return;
    const timer = setTimeout(() => setHeld({ value, key }), held.key === key ? ms : 0);
    return () => clearTimeout(timer);
  }, [text, key, ms, value, held]);
  return held.key === key ? held.value : value;
}
