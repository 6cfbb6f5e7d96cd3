// 载入示例学校 is a dialog most starts never open, and the demo generator behind it is ~300 KB of
// script: it is loaded the first time the dialog opens, then stays mounted (so it can animate closed).
import { lazy, Suspense, useState } from 'react';
import type { DemoLoaderProps } from './demo-loader';

const DemoLoader = lazy(() => import('./demo-loader').then((m) => ({ default: m.DemoLoader })));

export function LazyDemoLoader(props: DemoLoaderProps) {
  const [wanted, setWanted] = useState(props.open);
  if (props.open && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <DemoLoader {...props} />
    </Suspense>
  );
}
