-- Asking for a track that is not there (issue 14): requestTrack. With the admin token a request becomes targets at
-- once (status 'approved'); an anonymous one (SONGNODES_AUTH_MODE=public) waits here as 'pending' until
-- approveTrackRequest or rejectTrackRequest. One row per track: request_key is the tidied artist and title, case
-- folded (contracts/src/target-track.ts targetTrackKey), so asking again counts in `requests`.
CREATE TABLE ops.track_requests (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  artist      text        NOT NULL CHECK (btrim(artist) <> ''),
  title       text        NOT NULL CHECK (btrim(title) <> ''),
  request_key text        NOT NULL UNIQUE,
  status      text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requests    integer     NOT NULL DEFAULT 1 CHECK (requests >= 1),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  decided_at  timestamptz
);
CREATE INDEX track_requests_newest ON ops.track_requests (created_at DESC, id DESC);

-- The explorer's directed lists and lenses read a track's transitions into it (explore: transitions(direction: IN),
-- neighbourhood and path under a lens) from the occurrences by their second track.
CREATE INDEX transition_occurrences_to ON silver.transition_occurrences (to_track_id);

-- targets(status): most recently changed first.
CREATE INDEX target_track_searches_changed ON ops.target_track_searches (updated_at DESC, id DESC);
