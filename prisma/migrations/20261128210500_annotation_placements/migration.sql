-- Version history: a revision moves each annotation's row on to the new version, so the
-- place it had in the version it leaves is kept here; earlier versions are read with it.
CREATE TABLE "annotation_placements" (
    "annotationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "startBlock" VARCHAR(32) NOT NULL,
    "startIndex" INTEGER NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endBlock" VARCHAR(32) NOT NULL,
    "endIndex" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "status" "AnchorStatus" NOT NULL,

    CONSTRAINT "annotation_placements_pkey" PRIMARY KEY ("annotationId","versionId")
);

CREATE INDEX "annotation_placements_versionId_idx" ON "annotation_placements"("versionId");

ALTER TABLE "annotation_placements" ADD CONSTRAINT "annotation_placements_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "annotation_placements" ADD CONSTRAINT "annotation_placements_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "document_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
