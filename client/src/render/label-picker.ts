/**
 * Which tracks get a label this frame, and where: labels must stay readable, so they never overlap and there are
 * never more than a screenful. Forced labels (hover, selection, centre, path) always come first; the rest follow
 * by plays, and only once the track is drawn large enough on screen (zooming in reveals more labels).
 */
import { worldToScreen, type Camera, type Viewport } from './camera';

export interface LabelCandidates {
  /** slots in priority order (DrawModel.labelOrder) */
  order: Uint32Array;
  /** the first `forced` slots are labelled whenever they are on screen */
  forced: number;
  /** positions by slot */
  xy: Float32Array;
  /** world radius by slot */
  radius: Float32Array;
  /** approximate label width in pixels for a slot */
  widthOf(slot: number): number;
}

export interface PlacedLabel {
  slot: number;
  /** top-left corner, screen pixels */
  x: number;
  y: number;
}

export interface LabelOptions {
  /** @default 40 */
  maxLabels?: number;
  /** an unforced track needs at least this screen radius to be labelled @default 5 */
  minScreenRadius?: number;
  /** label height in pixels @default 14 */
  lineHeight?: number;
  /** unforced candidates looked at per frame, bounding the cost on huge graphs @default 600 */
  maxCandidates?: number;
}

export function pickLabels(candidates: LabelCandidates, camera: Camera, viewport: Viewport, options: LabelOptions = {}): PlacedLabel[] {
  const maxLabels = options.maxLabels ?? 40;
  const minScreenRadius = options.minScreenRadius ?? 5;
  const lineHeight = options.lineHeight ?? 14;
  const limit = Math.min(candidates.order.length, candidates.forced + (options.maxCandidates ?? 600));
  const placed: PlacedLabel[] = [];
  const boxes: [number, number, number, number][] = [];
  for (let i = 0; i < limit && placed.length < maxLabels; i += 1) {
    const slot = candidates.order[i]!;
    const forced = i < candidates.forced;
    const screenRadius = candidates.radius[slot]! * camera.zoom;
    if (!forced && screenRadius < minScreenRadius) continue;
    const [sx, sy] = worldToScreen(camera, viewport, candidates.xy[slot * 2]!, candidates.xy[slot * 2 + 1]!);
    const width = candidates.widthOf(slot);
    const gap = Math.max(screenRadius, 2) + 4;
    // Right of the track, or left of it where the right side would run off the canvas.
    const x = sx + gap + width > viewport.width && sx - gap - width >= 0 ? sx - gap - width : sx + gap;
    const y = sy - lineHeight / 2;
    if (x > viewport.width || x + width < 0 || y > viewport.height || y + lineHeight < 0) continue;
    const box: [number, number, number, number] = [x - 2, y - 1, x + width + 2, y + lineHeight + 1];
    if (!forced && boxes.some((other) => overlaps(box, other))) continue;
    boxes.push(box);
    placed.push({ slot, x, y });
  }
  return placed;
}

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! < b[2]! && a[2]! > b[0]! && a[1]! < b[3]! && a[3]! > b[1]!;
}
