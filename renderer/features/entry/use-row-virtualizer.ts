// Only the rows in view (plus a margin) of a long list are in the DOM: a 20,000-row 留样 year
// scrolls and types as fast as a 20-row one. @tanstack/react-virtual is headless, so the rows
// stay real <tr>s of native inputs — Chinese IMEs, screen readers, printing and test ids work
// as before (canvas grids break IME type-to-edit; AG Grid community has no range selection,
// clipboard or fill; Handsontable is not free for commercial use). See docs/grid.md.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { measureElement, observeElementRect, useVirtualizer, type Rect } from '@tanstack/react-virtual';

/** A row of inputs in Chromium at the app's font size; measured rows replace the estimate. */
export const ROW_PX = 33;
/** Rows rendered beyond each edge of the view, so fast scrolling and Tab never hit a blank. */
const OVERSCAN = 12;
/** Where there is no layout (jsdom, a hidden pane): render a sensible first window anyway. */
const FALLBACK_RECT: Rect = { width: 1280, height: 900 };

/** The pane that scrolls the sheet: the workspace's content pane, else the nearest scrolling ancestor. */
export function scrollParent(el: HTMLElement): HTMLElement {
  const pane = el.closest<HTMLElement>('.ws-content');
  if (pane) return pane;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

export function useRowVirtualizer(bodyRef: RefObject<HTMLTableSectionElement | null>, count: number) {
  const [scrollEl, setScrollEl] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (bodyRef.current) setScrollEl(scrollParent(bodyRef.current));
  }, [bodyRef]);
  // the list starts below the title, toolbar and header: the virtualiser counts from there
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !scrollEl) return;
    const top = Math.round(body.getBoundingClientRect().top - scrollEl.getBoundingClientRect().top + scrollEl.scrollTop);
    setMargin((m) => (m === top ? m : top));
  }, [bodyRef, scrollEl, count]);

  return useVirtualizer({
    count,
    getScrollElement: () => scrollEl,
    estimateSize: () => ROW_PX,
    overscan: OVERSCAN,
    scrollMargin: margin,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (r) => cb(r.height > 0 ? r : FALLBACK_RECT)),
    measureElement: (el, entry, instance) => {
      const h = measureElement(el, entry, instance);
      return h > 0 ? h : ROW_PX;
    },
  });
}
