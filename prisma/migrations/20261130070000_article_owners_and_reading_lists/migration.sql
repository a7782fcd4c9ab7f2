-- Articles get an owner and an audience, can be archived, and seminars get reading lists
-- (issue 11; docs/design.md, "Articles: owner, audience, reading lists").
CREATE TYPE "Audience" AS ENUM ('PRIVATE', 'PUBLIC');

ALTER TABLE "documents"
    ADD COLUMN "ownerId" TEXT,
    ADD COLUMN "audience" "Audience" NOT NULL DEFAULT 'PRIVATE',
    ADD COLUMN "archivedAt" TIMESTAMP(3);

CREATE INDEX "documents_ownerId_idx" ON "documents"("ownerId");

ALTER TABLE "documents" ADD CONSTRAINT "documents_ownerId_fkey"
    FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "readings" (
    "groupId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "dueDate" DATE,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "readings_pkey" PRIMARY KEY ("groupId","documentId"),
    CONSTRAINT "readings_position_check" CHECK ("position" >= 0)
);

CREATE INDEX "readings_documentId_idx" ON "readings"("documentId");

ALTER TABLE "readings" ADD CONSTRAINT "readings_groupId_fkey"
    FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "readings" ADD CONSTRAINT "readings_documentId_fkey"
    FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data, carried forward. Until now every article was visible to every reader:
-- 1. an imported article belongs to its importer where known; one with no known importer
--    (the sample article, or an importer who left) becomes public;
UPDATE "documents" SET "ownerId" = "createdById";
UPDATE "documents" SET "audience" = 'PUBLIC' WHERE "createdById" IS NULL;

-- 2. a seminar that shared notes on an article that is now private keeps it, on its
--    reading list (in the order the articles were imported), so no member loses a thread;
INSERT INTO "readings" ("groupId", "documentId", "position")
SELECT used."groupId", used."documentId",
       (row_number() OVER (PARTITION BY used."groupId" ORDER BY d."createdAt", d."id") - 1)::int
FROM (SELECT DISTINCT "groupId", "documentId" FROM "annotations"
      WHERE "groupId" IS NOT NULL AND "deletedAt" IS NULL) AS used
JOIN "documents" d ON d."id" = used."documentId"
WHERE d."audience" = 'PRIVATE';

-- 3. and whoever annotated an article keeps reading it (the visibility rule lets a reader
--    see every article they have annotated: lib/server/dal/document-access.ts).
