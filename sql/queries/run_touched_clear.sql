-- The touched requests are proven in order: forget them (in the transaction of that proof).
TRUNCATE etl.run_touched;
DELETE FROM etl.run_touched_file;
