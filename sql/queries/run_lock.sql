-- The run lock (WarehouseLock): conflicts with itself, not with what a reader can take.
LOCK TABLE etl.run_lock IN SHARE ROW EXCLUSIVE MODE
