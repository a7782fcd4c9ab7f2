-- Argument links (docs/adr/0014-argument-links.md): "annotation A <relation> annotation B",
-- with relation types a seminar's facilitators may extend like group tags.

-- CreateEnum
CREATE TYPE "RelationLine" AS ENUM ('solid', 'dashed', 'dotted');

-- CreateTable
CREATE TABLE "relation_types" (
    "id" UUID NOT NULL,
    "groupId" UUID,
    "slug" VARCHAR(40) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "color" VARCHAR(7) NOT NULL,
    "line" "RelationLine" NOT NULL DEFAULT 'solid',
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relation_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_links" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "relationId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'PRIVATE',
    "groupId" UUID,
    "sourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "relation_types_groupId_slug_key" ON "relation_types"("groupId", "slug");

-- CreateIndex
CREATE INDEX "annotation_links_documentId_idx" ON "annotation_links"("documentId");

-- CreateIndex
CREATE INDEX "annotation_links_fromId_idx" ON "annotation_links"("fromId");

-- CreateIndex
CREATE INDEX "annotation_links_toId_idx" ON "annotation_links"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "annotation_links_documentId_sourceId_key" ON "annotation_links"("documentId", "sourceId");

-- AddForeignKey
ALTER TABLE "relation_types" ADD CONSTRAINT "relation_types_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_toId_fkey" FOREIGN KEY ("toId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "relation_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants the database holds, not only the code.
ALTER TABLE "relation_types"
  ADD CONSTRAINT "relation_types_color_check" CHECK ("color" ~ '^#[0-9a-fA-F]{6}$'),
  ADD CONSTRAINT "relation_types_slug_check" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$');
ALTER TABLE "annotation_links"
  ADD CONSTRAINT "annotation_links_not_self_check" CHECK ("fromId" <> "toId"),
  ADD CONSTRAINT "annotation_links_visibility_check" CHECK (("visibility" = 'PRIVATE') = ("groupId" IS NULL)),
  ADD CONSTRAINT "annotation_links_note_length_check" CHECK (char_length("note") <= 2000);

-- The default relations, with fixed ids (like the default tags).
INSERT INTO "relation_types" ("id", "groupId", "slug", "name", "color", "line", "position") VALUES
  ('00000000-0000-4000-8000-000000000101', NULL, 'supports', 'Supports', '#047857', 'solid', 1),
  ('00000000-0000-4000-8000-000000000102', NULL, 'contradicts', 'Contradicts', '#b91c1c', 'dashed', 2),
  ('00000000-0000-4000-8000-000000000103', NULL, 'frames', 'Frames', '#7c3aed', 'dotted', 3),
  ('00000000-0000-4000-8000-000000000104', NULL, 'qualifies', 'Qualifies', '#b45309', 'dashed', 4);

-- Both ends of a link are annotations of the link's own document.
CREATE FUNCTION "marginalia_check_link_ends"() RETURNS trigger AS $$
BEGIN
  IF (SELECT count(*) FROM "annotations"
      WHERE "id" IN (NEW."fromId", NEW."toId") AND "documentId" = NEW."documentId") <> 2 THEN
    RAISE EXCEPTION 'both ends of a link must be annotations of its document' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "annotation_links_check_ends" BEFORE INSERT OR UPDATE OF "fromId", "toId", "documentId"
  ON "annotation_links" FOR EACH ROW EXECUTE FUNCTION "marginalia_check_link_ends"();

-- Live updates: a link change is announced on the same channel as annotations, with the
-- link's own audience and both ends' (author, group, hidden), so the app can tell each
-- listener only of links they may see (lib/server/dal/link-access.ts).
CREATE FUNCTION "marginalia_notify_link"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
  a RECORD;
  b RECORD;
  payload jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  SELECT "authorId", "groupId", "hiddenAt" IS NOT NULL AS "hidden" INTO a FROM "annotations" WHERE "id" = row_data."fromId";
  SELECT "authorId", "groupId", "hiddenAt" IS NOT NULL AS "hidden" INTO b FROM "annotations" WHERE "id" = row_data."toId";
  -- an end deleted outright takes its links with it; its own notice tells the pages
  IF a IS NULL OR b IS NULL THEN RETURN NULL; END IF;
  payload := jsonb_build_object(
    'kind', 'link', 'op', lower(TG_OP), 'id', row_data."id",
    'documentId', row_data."documentId", 'groupId', row_data."groupId", 'authorId', row_data."authorId",
    'ends', jsonb_build_array(
      jsonb_build_object('authorId', a."authorId", 'groupId', a."groupId", 'hidden', a."hidden"),
      jsonb_build_object('authorId', b."authorId", 'groupId', b."groupId", 'hidden', b."hidden"))
  );
  IF TG_OP = 'UPDATE' AND OLD."groupId" IS DISTINCT FROM NEW."groupId" THEN
    payload := payload || jsonb_build_object('previousGroupId', OLD."groupId");
  END IF;
  PERFORM pg_notify('marginalia_events', payload::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "annotation_links_notify" AFTER INSERT OR UPDATE OR DELETE ON "annotation_links"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_link"();
