CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET a = CASE WHEN 1 THEN 2 END; END;
-- migrate:autocommit
CREATE INDEX CONCURRENTLY i ON t (a);
-- migrate:end-autocommit
