// jsdom setup for renderer tests: an in-memory IndexedDB for Dexie, and the browser APIs
// antd expects that jsdom does not implement.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());
// work React's scheduler or a Dexie live query queued just before the last cleanup runs while the
// jsdom window still exists (else "window is not defined" is thrown after the file's environment is gone)
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));

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
