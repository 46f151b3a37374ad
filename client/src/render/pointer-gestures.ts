/**
 * Pointer input on the graph canvas, told apart: a press that moves less than DRAG_THRESHOLD_PX before release
 * is a click (Ctrl/Cmd held: additive); more is a drag that pans; the wheel zooms around the cursor; the
 * browser's dblclick expands. Returns a function that removes every listener.
 */

export const DRAG_THRESHOLD_PX = 4;

export interface PointerHandlers {
  /** additive: Ctrl/Cmd held; range: Shift held */
  click(x: number, y: number, additive: boolean, range: boolean): void;
  doubleClick(x: number, y: number): void;
  hover(x: number, y: number): void;
  leave(): void;
  pan(dx: number, dy: number): void;
  zoom(x: number, y: number, factor: number): void;
}

/** True once a press has moved far enough from where it started to be a drag, not a click. */
export function isDrag(startX: number, startY: number, x: number, y: number, threshold = DRAG_THRESHOLD_PX): boolean {
  return Math.hypot(x - startX, y - startY) >= threshold;
}

/** Zoom factor for a wheel event: one notch (100 px) ≈ 16 %. Trackpads send small deltas and zoom smoothly. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-600, Math.min(600, pixels)) * 0.0015);
}

export function attachPointerGestures(element: HTMLElement, handlers: PointerHandlers): () => void {
  let press: { id: number; startX: number; startY: number; lastX: number; lastY: number; dragging: boolean } | null = null;
  const local = (event: MouseEvent): [number, number] => {
    const rect = element.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };

  const down = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const [x, y] = local(event);
    press = { id: event.pointerId, startX: x, startY: y, lastX: x, lastY: y, dragging: false };
    element.setPointerCapture?.(event.pointerId);
  };
  const move = (event: PointerEvent) => {
    const [x, y] = local(event);
    if (!press || press.id !== event.pointerId) {
      handlers.hover(x, y);
      return;
    }
    if (!press.dragging && isDrag(press.startX, press.startY, x, y)) press.dragging = true;
    if (press.dragging) {
      handlers.pan(x - press.lastX, y - press.lastY);
      element.style.cursor = 'grabbing';
    }
    press.lastX = x;
    press.lastY = y;
  };
  const up = (event: PointerEvent) => {
    if (!press || press.id !== event.pointerId) return;
    const [x, y] = local(event);
    if (!press.dragging) handlers.click(x, y, event.ctrlKey || event.metaKey, event.shiftKey);
    element.releasePointerCapture?.(event.pointerId);
    element.style.cursor = '';
    press = null;
  };
  const cancel = () => {
    press = null;
    element.style.cursor = '';
  };
  const doubleClick = (event: MouseEvent) => handlers.doubleClick(...local(event));
  const wheel = (event: WheelEvent) => {
    event.preventDefault();
    const [x, y] = local(event);
    handlers.zoom(x, y, wheelZoomFactor(event.deltaY, event.deltaMode));
  };
  const leave = () => handlers.leave();

  element.addEventListener('pointerdown', down);
  element.addEventListener('pointermove', move);
  element.addEventListener('pointerup', up);
  element.addEventListener('pointercancel', cancel);
  element.addEventListener('pointerleave', leave);
  element.addEventListener('dblclick', doubleClick);
  element.addEventListener('wheel', wheel, { passive: false });
  return () => {
    element.removeEventListener('pointerdown', down);
    element.removeEventListener('pointermove', move);
    element.removeEventListener('pointerup', up);
    element.removeEventListener('pointercancel', cancel);
    element.removeEventListener('pointerleave', leave);
    element.removeEventListener('dblclick', doubleClick);
    element.removeEventListener('wheel', wheel);
  };
}
