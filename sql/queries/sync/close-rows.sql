CLOSE sync_rows
