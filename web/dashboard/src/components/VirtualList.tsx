import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders only the rows in view (plus a margin), each `rowHeight` tall: 100,000 conversations cost what 20 do.
 * Asks for more when the end comes within a screen.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  render,
  onNearEnd,
  label,
  scrollToIndex,
}: {
  items: T[];
  rowHeight: number;
  render(item: T, index: number): ReactNode;
  onNearEnd?(): void;
  label: string;
  scrollToIndex?: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (items.length * rowHeight - (scrollTop + height) < height) onNearEnd?.();
  }, [items.length, scrollTop, height, rowHeight, onNearEnd]);

  useEffect(() => {
    const element = scroller.current;
    if (scrollToIndex === undefined || scrollToIndex < 0 || !element) return;
    const top = scrollToIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [scrollToIndex, rowHeight]);

  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={i}
        role="listitem"
        className="virtual-row"
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
      >
        {render(items[i], i)}
      </div>,
    );
  }
  return (
    <div
      ref={scroller}
      className="virtual-list"
      role="list"
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
