import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while React hydrates server HTML (so the first render matches it), true from the
 * next render on, and at once for components first rendered in the browser. For what the
 * server cannot know: the device's time zone, the time now.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
