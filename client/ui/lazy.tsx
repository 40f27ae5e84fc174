import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component fetched only when it is first shown: the member app has a size budget, and parts
 * most tablets never show (an amendment's subject line, the § 68 control) live in their own
 * chunks. The browser fetches a chunk once; a later mount gets it from the module cache.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P>>();
    useEffect(() => void load().then((c) => setLoaded(() => c)), []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
