-- Cosignatures are part of the log's record: the database refuses to change or delete them (see V5).
CREATE TRIGGER log_cosignature_append_only BEFORE UPDATE OR DELETE ON log_cosignature
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_cosignature_no_truncate BEFORE TRUNCATE ON log_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
