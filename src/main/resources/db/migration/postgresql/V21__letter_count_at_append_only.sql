-- A total published for a checkpoint never changes (see V5).
CREATE TRIGGER letter_count_at_append_only BEFORE UPDATE OR DELETE ON letter_count_at
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER letter_count_at_no_truncate BEFORE TRUNCATE ON letter_count_at
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
