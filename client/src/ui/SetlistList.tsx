import { useQuery } from 'urql';
import { TransitionDetailsDocument } from '../generated/graphql';
import { dateText, optionalText } from './track-text';

interface SetlistListProps {
  fromId: string;
  toId: string;
  after: string | null;
  first: number;
  isLast: boolean;
  onMore(cursor: string): void;
}

/** One page of the setlists behind a transition, each linking to its source page. */
export function SetlistList({ fromId, toId, after, first, isLast, onMore }: SetlistListProps) {
  const [result] = useQuery({ query: TransitionDetailsDocument, variables: { fromId, toId, first, after } });
  const setlists = result.data?.transition?.setlists;
  if (result.error) return <p className="error">Could not load setlists: {result.error.message}</p>;
  if (!setlists) return <p className="hint">Loading setlists…</p>;
  return (
    <>
      <ul className="setlists" data-testid="setlists">
        {setlists.edges.map(({ node }) => {
          const place = [node.event, node.venue, node.location].filter((part) => part && part.trim() !== '').join(', ');
          return (
            <li key={node.id}>
              <a href={node.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="setlist-link">
                {node.title}
              </a>
              <div className="muted">
                {node.djs.length > 0 ? node.djs.join(', ') : 'DJ unknown'} · {dateText(node.date)} · {optionalText(place)} · source: {node.source}
              </div>
            </li>
          );
        })}
      </ul>
      {isLast && setlists.pageInfo.hasNextPage && setlists.pageInfo.endCursor && (
        <button type="button" onClick={() => onMore(setlists.pageInfo.endCursor!)}>
          More setlists
        </button>
      )}
    </>
  );
}
