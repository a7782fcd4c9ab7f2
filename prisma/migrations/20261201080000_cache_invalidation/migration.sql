-- Per-process caches of sessions, memberships, documents, reading lists and tags
-- (lib/server/change-feed.ts, docs/adr/0011): every change to a row they hold is announced
-- on the channel `marginalia_cache`, so that each app process drops what it cached, whichever
-- process (or psql session) made the change. The payload names the kind and the key.
CREATE OR REPLACE FUNCTION "marginalia_notify_cache"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'session', 'k', OLD."token")::text);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'user', 'k', OLD."id")::text);
  ELSIF TG_TABLE_NAME = 'memberships' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'member', 'k', row_data."userId")::text);
    IF TG_OP = 'UPDATE' AND OLD."userId" IS DISTINCT FROM NEW."userId" THEN
      PERFORM pg_notify('marginalia_cache', json_build_object('t', 'member', 'k', OLD."userId")::text);
    END IF;
  ELSIF TG_TABLE_NAME = 'groups' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'group', 'k', OLD."id")::text);
  ELSIF TG_TABLE_NAME = 'documents' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'document', 'k', row_data."id")::text);
  ELSIF TG_TABLE_NAME = 'readings' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'reading', 'k', row_data."documentId")::text);
    IF TG_OP = 'UPDATE' AND OLD."documentId" IS DISTINCT FROM NEW."documentId" THEN
      PERFORM pg_notify('marginalia_cache', json_build_object('t', 'reading', 'k', OLD."documentId")::text);
    END IF;
  ELSIF TG_TABLE_NAME = 'tags' THEN
    PERFORM pg_notify('marginalia_cache', json_build_object('t', 'tag', 'k', coalesce(row_data."groupId"::text, ''))::text);
    IF TG_OP = 'UPDATE' AND OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
      PERFORM pg_notify('marginalia_cache', json_build_object('t', 'tag', 'k', coalesce(OLD."groupId"::text, ''))::text);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- A new session or user holds nothing a process could have cached: only changes and deletions.
CREATE TRIGGER "sessions_notify_cache" AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "users_notify_cache" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "memberships_notify_cache" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "groups_notify_cache" AFTER UPDATE OR DELETE ON "groups"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "documents_notify_cache" AFTER INSERT OR UPDATE OR DELETE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "readings_notify_cache" AFTER INSERT OR UPDATE OR DELETE ON "readings"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
CREATE TRIGGER "tags_notify_cache" AFTER INSERT OR UPDATE OR DELETE ON "tags"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_cache"();
