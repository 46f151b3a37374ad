import { useQuery } from 'urql';
import { TransitionDetailsDocument } from '../generated/graphql';
import { useLensInput } from './lens-context';
import { dateText, optionalText } from './track-text';

interface SetlistListProps {
  fromId: string;
  toId: string;
  after: string | null;
  first: number;
  isLast: boolean;
  onMore(cursor: string): void;
}

/**
 * One page of the performances behind a transition: each DJ set once, linking to its best-documented setlist and
 * to the other sources that carry the same set (docs/identity.md).
 */
export function SetlistList({ fromId, toId, after, first, isLast, onMore }: SetlistListProps) {
  const lens = useLensInput();
  const [result] = useQuery({ query: TransitionDetailsDocument, variables: { fromId, toId, first, after, lens } });
  const setlists = result.data?.transition?.setlists;
  if (result.error) return <p className="error">Could not load setlists: {result.error.message}</p>;
  if (!setlists) return <p className="hint">Loading setlists…</p>;
  return (
    <>
      <ul className="setlists" data-testid="setlists">
        {setlists.edges.map(({ node }) => {
          const place = [node.event, node.venue, node.location].filter((part) => part && part.trim() !== '').join(', ');
          const others = node.sources.filter((source) => source.id !== node.id);
          return (
            <li key={node.id}>
              <a href={node.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="setlist-link">
                {node.title}
              </a>
              <div className="muted">
                {node.djs.length > 0 ? node.djs.join(', ') : 'DJ unknown'} · {dateText(node.date)} · {optionalText(place)} · source:{' '}
                {node.source}
              </div>
              {others.length > 0 && (
                <div className="muted">
                  also on:{' '}
                  {others.map((source, i) => (
                    <span key={source.id}>
                      {i > 0 && ', '}
                      <a href={source.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="setlist-source-link">
                        {source.source}
                      </a>
                    </span>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {isLast && setlists.pageInfo.hasNextPage && setlists.pageInfo.endCursor && (
        <button type="button" onClick={() => onMore(setlists.pageInfo.endCursor!)}>
          More performances
        </button>
      )}
    </>
  );
}
