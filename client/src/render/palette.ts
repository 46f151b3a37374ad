/** Colours of the graph view, as [r, g, b, a] in 0-1 (what the shaders take). The legend in the UI uses the same. */

export type Rgba = readonly [number, number, number, number];

const hex = (value: string, alpha = 1): Rgba => {
  const n = Number.parseInt(value.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
};

export const PALETTE = {
  background: 0x0b1120,
  node: hex('#7dd3fc', 0.92),
  nodeDimmed: hex('#7dd3fc', 0.35),
  centre: hex('#facc15'),
  ringSelected: hex('#ffffff'),
  ringHover: hex('#cbd5e1'),
  ringNone: [0, 0, 0, 0] as Rgba,
  edge: hex('#64748b', 0.6),
  edgeDimmed: hex('#64748b', 0.18),
  /** transitions into the selected track: what DJs play right before it */
  edgeBefore: hex('#f59e0b', 0.95),
  /** transitions out of the selected track: what DJs play right after it */
  edgeAfter: hex('#2dd4bf', 0.95),
  edgeSelected: hex('#ffffff', 0.95),
  path: hex('#e879f9'),
  /** a live change, fading out */
  live: hex('#4ade80'),
} as const;

/** CSS form of a palette colour, for the legend. */
export function cssColour([r, g, b, a]: Rgba): string {
  return `rgba(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)}, ${a})`;
}

/** Linear mix of two colours, `t` in 0-1. */
export function mixColour(a: Rgba, b: Rgba, t: number): Rgba {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
}
