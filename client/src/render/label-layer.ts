/**
 * Track labels as a small pool of absolutely positioned DOM elements over the canvas (like sigma.js's separate
 * label layer). Text is laid out and rasterised by the browser — every script and accent works, and nothing is
 * uploaded to the GPU when a label changes (a bitmap font would re-upload its glyph page per new character,
 * which costs hundreds of milliseconds with software WebGL). Per frame only `transform` changes.
 * Which tracks get a label is decided by pickLabels; this only puts text where it was told.
 */
import type { TrackNode } from '../model/graph-types';
import type { PlacedLabel } from './label-picker';

export const LABEL_LINE_HEIGHT = 15;
/** Average advance of the label font (12 px system sans), for layout before the text exists. */
const AVERAGE_CHAR_WIDTH = 6.8;
const MAX_LABEL_CHARS = 48;
const LAYER_STYLE = 'position:absolute;inset:0;overflow:hidden;pointer-events:none;';
const LABEL_STYLE =
  'position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap;will-change:transform;' +
  `font:12px/${LABEL_LINE_HEIGHT}px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#e2e8f0;` +
  'text-shadow:0 0 3px #0b1120,0 0 2px #0b1120,0 0 1px #0b1120;';

/** "Artist — Title (Version)", shortened with an ellipsis; a missing version is simply not shown. */
export function labelTextOf(track: TrackNode): string {
  const text = `${track.artistCredit} — ${track.title}${track.version ? ` (${track.version})` : ''}`;
  return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

export function estimateLabelWidth(text: string): number {
  return text.length * AVERAGE_CHAR_WIDTH;
}

export class LabelLayer {
  readonly element: HTMLDivElement;
  private readonly pool: HTMLSpanElement[] = [];
  private readonly shown: { text: string; x: number; y: number; visible: boolean }[] = [];

  constructor(host: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'graph-labels';
    this.element.style.cssText = LAYER_STYLE;
    this.element.setAttribute('aria-hidden', 'true');
    host.appendChild(this.element);
  }

  /** Shows `labels` (text by slot from `textOf`) and hides the rest of the pool; touches only what changed. */
  update(labels: readonly PlacedLabel[], textOf: (slot: number) => string): void {
    labels.forEach((label, i) => {
      const span = this.pool[i] ?? this.create();
      const last = this.shown[i]!;
      const text = textOf(label.slot);
      const x = Math.round(label.x);
      const y = Math.round(label.y);
      if (last.text !== text) span.textContent = last.text = text;
      if (last.x !== x || last.y !== y) {
        span.style.transform = `translate(${x}px, ${y}px)`;
        last.x = x;
        last.y = y;
      }
      if (!last.visible) {
        span.style.visibility = 'visible';
        last.visible = true;
      }
    });
    for (let i = labels.length; i < this.pool.length; i += 1) {
      if (this.shown[i]!.visible) {
        this.pool[i]!.style.visibility = 'hidden';
        this.shown[i]!.visible = false;
      }
    }
  }

  destroy(): void {
    this.element.remove();
    this.pool.length = 0;
    this.shown.length = 0;
  }

  private create(): HTMLSpanElement {
    const span = document.createElement('span');
    span.className = 'graph-label';
    span.style.cssText = LABEL_STYLE;
    this.pool.push(span);
    this.shown.push({ text: '', x: Number.NaN, y: Number.NaN, visible: false });
    this.element.appendChild(span);
    return span;
  }
}
