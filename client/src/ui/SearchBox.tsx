import { isValidArtistCredit } from '@songnodes/contracts';
import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useQuery } from 'urql';
import { SearchTracksDocument } from '../generated/graphql';
import { plural, splitArtistTitle, trackLabel } from './track-text';

/** Suggestions appear from this many characters on. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 180;

interface SearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onChoose(trackId: string): void;
  /** "find sets with this track" for a query that matched nothing: "Artist - Title" split where it can be */
  onRequest(artist: string, title: string): void;
}

/** A combobox over searchTracks: type, move with ↑/↓, choose with Enter or a click; Escape closes the list. */
export function SearchBox({ inputRef, onChoose, onRequest }: SearchBoxProps) {
  const listId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const [result] = useQuery({ query: SearchTracksDocument, variables: { query, first: 8 }, pause: query.length < MIN_QUERY });
  const options = (result.data?.searchTracks.edges ?? [])
    .map((edge) => edge.node)
    .filter((track) => isValidArtistCredit(track.artistCredit));
  const showList = open && query.length >= MIN_QUERY;

  const choose = (index: number) => {
    const track = options[index];
    if (!track) return;
    onChoose(track.id);
    setText(trackLabel(track));
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' && showList) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Search tracks
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="search"
        placeholder="Search a track or artist…  ( / )"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && options[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" aria-label="Matching tracks">
          {result.fetching && options.length === 0 && <li className="suggestion-note">Searching…</li>}
          {result.error && <li className="suggestion-note error">Search failed: {result.error.message}</li>}
          {!result.fetching && !result.error && options.length === 0 && <li className="suggestion-note">No track matches “{query}”.</li>}
          {options.map((track, index) => (
            <li
              key={track.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="suggestion-title">{trackLabel(track)}</span>
              <span className="suggestion-meta">{plural(track.plays, 'play')}</span>
            </li>
          ))}
          {!result.fetching && (
            <li className="suggestion-note">
              {options.length > 0 ? 'Not the one? ' : ''}
              <button
                type="button"
                className="link"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  const [artist, title] = splitArtistTitle(query);
                  setOpen(false);
                  onRequest(artist, title);
                }}
              >
                Find sets with this track
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
