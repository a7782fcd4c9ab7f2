-- A note's (and a reply's) export forms, written with the note (docs/adr/0022): its CSV
-- text with links, its Markdown and its HTML, so that an export of 100,000 annotations is
-- written by PostgreSQL without converting a note per row. NULL means "not computed": the
-- export then converts that row's note itself, as before. Rows written before this
-- migration stay NULL until their note is next saved.
ALTER TABLE "annotations" ADD COLUMN "noteCsv" TEXT, ADD COLUMN "noteMarkdown" TEXT, ADD COLUMN "noteHtml" TEXT;
ALTER TABLE "replies" ADD COLUMN "bodyCsv" TEXT, ADD COLUMN "bodyMarkdown" TEXT, ADD COLUMN "bodyHtml" TEXT;

-- A write that changes the note without writing its forms (a writer that does not know
-- them) makes them NULL rather than stale.
CREATE FUNCTION "annotations_note_forms_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."noteJson" IS DISTINCT FROM OLD."noteJson" OR NEW."noteText" IS DISTINCT FROM OLD."noteText")
     AND NEW."noteCsv" IS NOT DISTINCT FROM OLD."noteCsv"
     AND NEW."noteMarkdown" IS NOT DISTINCT FROM OLD."noteMarkdown"
     AND NEW."noteHtml" IS NOT DISTINCT FROM OLD."noteHtml" THEN
    NEW."noteCsv" := NULL;
    NEW."noteMarkdown" := NULL;
    NEW."noteHtml" := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "annotations_note_forms_stale" BEFORE UPDATE ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION "annotations_note_forms_stale"();

CREATE FUNCTION "replies_body_forms_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."bodyJson" IS DISTINCT FROM OLD."bodyJson" OR NEW."bodyText" IS DISTINCT FROM OLD."bodyText")
     AND NEW."bodyCsv" IS NOT DISTINCT FROM OLD."bodyCsv"
     AND NEW."bodyMarkdown" IS NOT DISTINCT FROM OLD."bodyMarkdown"
     AND NEW."bodyHtml" IS NOT DISTINCT FROM OLD."bodyHtml" THEN
    NEW."bodyCsv" := NULL;
    NEW."bodyMarkdown" := NULL;
    NEW."bodyHtml" := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "replies_body_forms_stale" BEFORE UPDATE ON "replies"
  FOR EACH ROW EXECUTE FUNCTION "replies_body_forms_stale"();
