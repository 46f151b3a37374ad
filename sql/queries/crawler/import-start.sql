-- Starts (or resumes) the import of a file content: $1 sha256, $2 format, $3 path, $4 bytes. A resumed import keeps
-- its id, so the entries a killed run already stored are found in ops.import_items.
INSERT INTO ops.imports (file_sha256, format, path, bytes)
VALUES ($1, $2, $3, $4)
ON CONFLICT (file_sha256, format) DO UPDATE SET status = ops.imports.status
RETURNING id, status
