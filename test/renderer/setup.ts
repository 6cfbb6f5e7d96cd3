// jsdom setup for renderer tests: an in-memory IndexedDB for Dexie, and the browser APIs
// antd expects that jsdom does not implement.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { unstable_IdlePriority as IdlePriority, unstable_scheduleCallback as scheduleCallback } from 'scheduler';

afterEach(() => cleanup());
afterAll(drainReact);

/**
 * Lets the work React queued — the passive effects of the last unmount, a commit after a late Dexie
 * reply — run while the jsdom window still exists: else React's scheduler reads `window` after the
 * file's environment is gone and vitest reports "window is not defined" for a file whose tests passed.
 * A fixed delay was not enough on a busy 2-core machine; an idle-priority task runs only after every
 * task queued before it, so it is waited for round after round, until a round finds React quiet.
 */
async function drainReact() {
  for (let round = 0; round < 20; round++) {
    const before = performance.now();
    await new Promise<void>((resolve) => scheduleCallback(IdlePriority, () => resolve()));
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
    // a round that had nothing to wait for but the 20 ms itself: React is quiet
    if (performance.now() - before < 40 && round >= 2) return;
  }
}

// antd renders slowly under jsdom, more so when test files run in parallel
configure({ asyncUtilTimeout: 5000 });

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(),
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// jsdom has no layout: scrolling is a no-op there
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// antd measures scrollbars through getComputedStyle(el, '::-webkit-scrollbar'); jsdom warns on pseudo-elements
const realGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element, pseudo?: string | null) => realGetComputedStyle(el, pseudo ? undefined : pseudo);
