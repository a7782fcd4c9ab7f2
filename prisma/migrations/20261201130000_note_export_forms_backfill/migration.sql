-- The notes' export forms of rows written before 20261201120000_note_export_forms are
-- computed after the migrations, by `npm start` and `npm run db:migrate`
-- (scripts/lib/note-forms-backfill.ts, docs/adr/0022). Two things make that possible:

-- 1. The rows still missing their forms, by id: "is there anything to do?" is then one
--    index probe rather than a scan of every annotation, and the backfill walks its
--    batches through the index. It holds only such rows, so it stays empty once they are
--    written (writers store the forms with the note).
CREATE INDEX "annotations_note_forms_missing_idx" ON "annotations" ("id")
  WHERE "noteCsv" IS NULL OR "noteMarkdown" IS NULL OR "noteHtml" IS NULL;
CREATE INDEX "replies_body_forms_missing_idx" ON "replies" ("id")
  WHERE "bodyCsv" IS NULL OR "bodyMarkdown" IS NULL OR "bodyHtml" IS NULL;

-- 2. An UPDATE that changes only a row's export forms is not announced on the live
--    stream: no reader sees the forms, and a backfill of every old row would otherwise
--    send every open page one notice per row. Any other change is announced as before
--    (the first test spares the row comparison when the forms are unchanged). A WHEN
--    that reads OLD cannot be given to an INSERT trigger, hence one trigger for updates
--    beside the one for inserts and deletes; both call the same function.
DROP TRIGGER "annotations_notify" ON "annotations";
CREATE TRIGGER "annotations_notify" AFTER INSERT OR DELETE ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_annotation"();
CREATE TRIGGER "annotations_notify_update" AFTER UPDATE ON "annotations"
  FOR EACH ROW
  WHEN ((OLD."noteCsv" IS NOT DISTINCT FROM NEW."noteCsv"
         AND OLD."noteMarkdown" IS NOT DISTINCT FROM NEW."noteMarkdown"
         AND OLD."noteHtml" IS NOT DISTINCT FROM NEW."noteHtml")
     OR (to_jsonb(OLD) - ARRAY['noteCsv', 'noteMarkdown', 'noteHtml'])
        IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['noteCsv', 'noteMarkdown', 'noteHtml']))
  EXECUTE FUNCTION "marginalia_notify_annotation"();

DROP TRIGGER "replies_notify" ON "replies";
CREATE TRIGGER "replies_notify" AFTER INSERT OR DELETE ON "replies"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_reply"();
CREATE TRIGGER "replies_notify_update" AFTER UPDATE ON "replies"
  FOR EACH ROW
  WHEN ((OLD."bodyCsv" IS NOT DISTINCT FROM NEW."bodyCsv"
         AND OLD."bodyMarkdown" IS NOT DISTINCT FROM NEW."bodyMarkdown"
         AND OLD."bodyHtml" IS NOT DISTINCT FROM NEW."bodyHtml")
     OR (to_jsonb(OLD) - ARRAY['bodyCsv', 'bodyMarkdown', 'bodyHtml'])
        IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['bodyCsv', 'bodyMarkdown', 'bodyHtml']))
  EXECUTE FUNCTION "marginalia_notify_reply"();
