-- The import of this file content in this format, if one was started: $1 file sha256, $2 format.
SELECT id, status, path, entries, started_at, finished_at FROM ops.imports WHERE file_sha256 = $1 AND format = $2
