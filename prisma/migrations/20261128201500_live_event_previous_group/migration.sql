-- Live updates: when an annotation leaves a group (made private, or moved to another
-- group), the readers of the old group must hear of it so that their open pages drop
-- it. The notification now carries the previous group in that case.
CREATE OR REPLACE FUNCTION "marginalia_notify_annotation"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
  payload jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  payload := jsonb_build_object(
    'kind', 'annotation', 'op', lower(TG_OP), 'id', row_data."id",
    'documentId', row_data."documentId", 'groupId', row_data."groupId", 'authorId', row_data."authorId"
  );
  IF TG_OP = 'UPDATE' AND OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
    payload := payload || jsonb_build_object('previousGroupId', OLD."groupId");
  END IF;
  PERFORM pg_notify('marginalia_events', payload::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
