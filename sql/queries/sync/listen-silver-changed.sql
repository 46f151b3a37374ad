-- sync --watch: the crawler's refine step NOTIFYs this channel after each committed setlist.
LISTEN silver_changed
