-- Faithful import (issue 14): an import id is unique per reader and document, so that every
-- reader of a seminar can import the same shared file (it was unique per document: the
-- second reader got nothing). Existing rows already satisfy the narrower-scoped index.
DROP INDEX "annotations_documentId_sourceId_key";
CREATE UNIQUE INDEX "annotations_documentId_authorId_sourceId_key" ON "annotations"("documentId", "authorId", "sourceId");

-- An imported reply belongs to the importer; the name of its original author is kept as an
-- attribution to show beside it.
ALTER TABLE "replies" ADD COLUMN "attribution" VARCHAR(200);
