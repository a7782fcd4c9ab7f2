-- Live updates: a note or reply hidden by a facilitator is withheld from members, so an
-- edit its author makes while it stays hidden must not be announced to them (that would
-- tell them the hidden text changed). The notification now carries the changed row's
-- hidden state before and after the change, whether it is deleted, and, for a reply, its
-- own author; the app decides who hears what (lib/server/dal/annotation-access.ts).
CREATE OR REPLACE FUNCTION "marginalia_notify_annotation"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
  payload jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  payload := jsonb_build_object(
    'kind', 'annotation', 'op', lower(TG_OP), 'id', row_data."id",
    'documentId', row_data."documentId", 'groupId', row_data."groupId", 'authorId', row_data."authorId",
    'hidden', row_data."hiddenAt" IS NOT NULL,
    'deleted', TG_OP = 'DELETE' OR row_data."deletedAt" IS NOT NULL
  );
  IF TG_OP = 'UPDATE' THEN
    payload := payload || jsonb_build_object('wasHidden', OLD."hiddenAt" IS NOT NULL);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
    payload := payload || jsonb_build_object('previousGroupId', OLD."groupId");
  END IF;
  PERFORM pg_notify('marginalia_events', payload::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "marginalia_notify_reply"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
  parent RECORD;
  payload jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  SELECT "documentId", "groupId", "authorId" INTO parent FROM "annotations" WHERE "id" = row_data."annotationId";
  IF parent IS NULL THEN RETURN NULL; END IF;
  payload := jsonb_build_object(
    'kind', 'reply', 'op', lower(TG_OP), 'id', row_data."id", 'annotationId', row_data."annotationId",
    'documentId', parent."documentId", 'groupId', parent."groupId", 'authorId', parent."authorId",
    'replyAuthorId', row_data."authorId",
    'hidden', row_data."hiddenAt" IS NOT NULL,
    'deleted', TG_OP = 'DELETE' OR row_data."deletedAt" IS NOT NULL
  );
  IF TG_OP = 'UPDATE' THEN
    payload := payload || jsonb_build_object('wasHidden', OLD."hiddenAt" IS NOT NULL);
  END IF;
  PERFORM pg_notify('marginalia_events', payload::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
