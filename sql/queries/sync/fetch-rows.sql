-- The page size of reads (not the write batch size, which is configurable): the batcher gathers pages into batches.
FETCH FORWARD 2000 FROM sync_rows
