/**
 * Keyboard commands for the explorer, on the whole page except while typing in a field (where only Escape
 * counts). The list shown by the `?` help is KEYBOARD_SHORTCUTS, so help and behaviour cannot drift apart.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  toggleHelp(): void;
  escape(): void;
  expandSelection(): void;
  focusSearch(): void;
  zoom(factor: number): void;
  pan(dx: number, dy: number): void;
  fit(): void;
  selectAll(): void;
  toggleLayout(): void;
  toggleDebug(): void;
}

export const KEYBOARD_SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: '/', does: 'search for a track' },
  { keys: '↑ ↓ Enter', does: 'in the suggestions: move, choose (centres the track)' },
  { keys: 'click', does: 'select a track or a transition' },
  { keys: 'Ctrl/⌘ + click', does: 'add a track to the selection (two tracks: path finder)' },
  { keys: 'double-click, Enter', does: 'expand the selected track: load its neighbourhood into the view' },
  { keys: 'drag, arrow keys', does: 'pan' },
  { keys: 'wheel, + −', does: 'zoom' },
  { keys: 'f', does: 'fit the graph and follow the layout' },
  { keys: 'Shift + click', does: 'select every track drawn between the last selected and this one' },
  { keys: 'Ctrl/⌘ + A', does: 'select every track in the view' },
  { keys: 'Space', does: 'pause or resume the layout' },
  { keys: 'd', does: 'show or hide the debug overlay (fps, tracks, transitions, layout alpha)' },
  { keys: 'Escape', does: 'close this help, else clear the selection' },
  { keys: '?', does: 'show or hide this help' },
];

const PAN_STEP_PX = 80;
/** the arrow keys pan the view by PAN_STEP_PX */
const PAN_BY_KEY: Record<string, readonly [number, number]> = {
  ArrowLeft: [PAN_STEP_PX, 0],
  ArrowRight: [-PAN_STEP_PX, 0],
  ArrowUp: [0, PAN_STEP_PX],
  ArrowDown: [0, -PAN_STEP_PX],
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const h = ref.current;
      if (event.key === 'Escape') return h.escape();
      if (isTyping(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        return h.selectAll();
      }
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const global: Record<string, () => void> = { '?': h.toggleHelp, '/': h.focusSearch };
      // Graph commands only when the focus is on the page or the graph, so panels and buttons keep their keys.
      const onGraph =
        event.target === document.body || (event.target instanceof Element && event.target.closest('[data-graph-view]') !== null);
      const graph: Record<string, () => void> = {
        '+': () => h.zoom(1.25),
        '=': () => h.zoom(1.25),
        '-': () => h.zoom(0.8),
        f: h.fit,
        d: h.toggleDebug,
        ' ': h.toggleLayout,
        Enter: h.expandSelection,
      };
      const pan = PAN_BY_KEY[event.key];
      if (pan) graph[event.key] = () => h.pan(pan[0], pan[1]);
      const action = global[event.key] ?? (onGraph ? graph[event.key] : undefined);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
