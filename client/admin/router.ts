import { signal } from '@preact/signals';

/** `#/`, `#/new`, `#/meeting/<id>`, `#/cards/<id>`: the admin view's pages. */
export const route = signal(location.hash);
addEventListener('hashchange', () => (route.value = location.hash));

export const go = (hash: string) => {
  location.hash = hash;
};
