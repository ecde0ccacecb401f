import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';

/** Whether the device's main pointer is coarse (a phone or tablet): drags then start after a press. */
export function useTouch(): boolean {
  return useMemo(() => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true, []);
}

/** Fills the viewport below wherever the shell puts the designer. */
export function useFillHeight(ref: RefObject<HTMLElement | null>) {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop(Math.max(0, (ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return `calc(100dvh - ${top}px)`;
}
