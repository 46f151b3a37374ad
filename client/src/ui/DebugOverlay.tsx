import { useEffect, useState, type RefObject } from 'react';
import type { LayoutClient } from '../layout/layout-client';
import type { GraphStore } from '../model/graph-store';
import type { GraphRenderer } from '../render/graph-renderer';

interface DebugOverlayProps {
  store: GraphStore;
  renderer: RefObject<GraphRenderer | null>;
  layout: RefObject<LayoutClient | null>;
}

/** The `d` overlay: frames drawn per second (0 while nothing moves), tracks, transitions and the layout's alpha. */
export function DebugOverlay({ store, renderer, layout }: DebugOverlayProps) {
  const [info, setInfo] = useState({ fps: 0, nodes: 0, edges: 0, alpha: 0 });
  useEffect(() => {
    let frames = renderer.current?.stats.frames ?? 0;
    let at = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const total = renderer.current?.stats.frames ?? 0;
      setInfo({
        fps: Math.round(((total - frames) * 1000) / (now - at)),
        nodes: store.nodeCount,
        edges: store.edgeList().edges.length,
        alpha: layout.current?.alpha ?? 0,
      });
      [frames, at] = [total, now];
    }, 500);
    return () => clearInterval(timer);
  }, [store, renderer, layout]);
  return (
    <div className="debug-overlay" data-testid="debug-overlay">
      <span>{info.fps} fps</span> · <span>{info.nodes} tracks</span> · <span>{info.edges} transitions</span> ·{' '}
      <span>alpha {info.alpha.toFixed(3)}</span>
    </div>
  );
}
