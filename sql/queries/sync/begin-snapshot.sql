-- Every read of one run sees one snapshot: rows and the watermark taken from it agree.
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY
