import { cssColour, PALETTE } from '../render/palette';

const ITEMS = [
  { colour: PALETTE.centre, label: 'centre' },
  { colour: PALETTE.edgeBefore, label: 'played right before the selection' },
  { colour: PALETTE.edgeAfter, label: 'played right after it' },
  { colour: PALETTE.path, label: 'path' },
  { colour: PALETTE.live, label: 'just changed (live)' },
];

/** The colour key; size is plays (tracks) and setlists (transitions); arrows point from earlier to later. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {ITEMS.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: cssColour(item.colour) }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
      <li>size: plays · thickness: setlists · arrow: earlier → later</li>
    </ul>
  );
}
