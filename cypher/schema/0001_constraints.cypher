// Gold graph schema (ARCHITECTURE §4). Applied by `npm run migrate`, one statement per `;`, each idempotent.
CREATE CONSTRAINT track_id IF NOT EXISTS FOR (t:Track) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT artist_id IF NOT EXISTS FOR (a:Artist) REQUIRE a.id IS UNIQUE;
