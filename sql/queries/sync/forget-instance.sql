-- `npm run sync -- --forget <name>`: a gold instance that is gone for good no longer holds back pruning. If its sync
-- runs again it registers anew, finds no watermark and rebuilds from scratch.
DELETE FROM ops.sync_state WHERE name = $1 RETURNING name
