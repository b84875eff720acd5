-- Stored tiles are part of the log: insert-only like the rest of it (see V5).
CREATE TRIGGER log_tile_append_only BEFORE UPDATE OR DELETE ON log_tile
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_tile_no_truncate BEFORE TRUNCATE ON log_tile
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
