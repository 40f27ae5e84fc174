import { useEffect, useRef } from 'preact/hooks';

/**
 * When a vote opens its buttons may be below the fold (large text, landscape): scroll them into
 * view once per poll, not on every re-render, and without animation for people who asked for none.
 */
export function useBringIntoView<T extends HTMLElement>(key: string | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!key || !el) return;
    const box = el.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= innerHeight) return;
    const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: calm ? 'auto' : 'smooth' });
  }, [key]);
  return ref;
}
