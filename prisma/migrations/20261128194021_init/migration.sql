-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FACILITATOR', 'MEMBER');

-- CreateEnum
CREATE TYPE "BlockKind" AS ENUM ('TITLE', 'STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION');

-- CreateEnum
CREATE TYPE "SourceFormat" AS ENUM ('text', 'markdown', 'html');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('ANCHORED', 'REANCHORED', 'ORPHANED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PRIVATE', 'GROUP');

-- CreateEnum
CREATE TYPE "UnderlineStyle" AS ENUM ('solid', 'dotted', 'dashed', 'wavy', 'double');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "groups" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "inviteCode" TEXT,
    "revealAfter" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "currentVersionId" UUID,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_versions" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "format" "SourceFormat" NOT NULL DEFAULT 'text',
    "sourceHash" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocks" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "kind" "BlockKind" NOT NULL,
    "anchor" VARCHAR(32) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "groupId" UUID,
    "slug" VARCHAR(40) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "color" VARCHAR(7) NOT NULL,
    "underline" "UnderlineStyle" NOT NULL DEFAULT 'solid',
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "authorId" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'PRIVATE',
    "groupId" UUID,
    "noteJson" JSONB,
    "noteText" TEXT NOT NULL DEFAULT '',
    "startBlock" VARCHAR(32) NOT NULL,
    "startIndex" INTEGER NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endBlock" VARCHAR(32) NOT NULL,
    "endIndex" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "status" "AnchorStatus" NOT NULL DEFAULT 'ANCHORED',
    "sourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rev" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_tags" (
    "annotationId" UUID NOT NULL,
    "tagId" UUID NOT NULL,

    CONSTRAINT "annotation_tags_pkey" PRIMARY KEY ("annotationId","tagId")
);

-- CreateTable
CREATE TABLE "replies" (
    "id" UUID NOT NULL,
    "annotationId" UUID NOT NULL,
    "authorId" TEXT NOT NULL,
    "bodyJson" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");

-- CreateIndex
CREATE INDEX "accounts_userId_idx" ON "accounts"("userId");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "groups_inviteCode_key" ON "groups"("inviteCode");

-- CreateIndex
CREATE INDEX "memberships_userId_idx" ON "memberships"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_groupId_userId_key" ON "memberships"("groupId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "documents_slug_key" ON "documents"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "documents_currentVersionId_key" ON "documents"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "document_versions_documentId_number_key" ON "document_versions"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "blocks_versionId_anchor_key" ON "blocks"("versionId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "blocks_versionId_index_key" ON "blocks"("versionId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "tags_groupId_slug_key" ON "tags"("groupId", "slug");

-- CreateIndex
CREATE INDEX "annotations_documentId_startIndex_startOffset_idx" ON "annotations"("documentId", "startIndex", "startOffset");

-- CreateIndex
CREATE INDEX "annotations_authorId_idx" ON "annotations"("authorId");

-- CreateIndex
CREATE INDEX "annotations_groupId_idx" ON "annotations"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "annotations_documentId_sourceId_key" ON "annotations"("documentId", "sourceId");

-- CreateIndex
CREATE INDEX "annotation_tags_tagId_idx" ON "annotation_tags"("tagId");

-- CreateIndex
CREATE INDEX "replies_annotationId_createdAt_idx" ON "replies"("annotationId", "createdAt");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "document_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "document_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tags"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants held by the database itself, not only by the code.
ALTER TABLE "annotations"
  ADD CONSTRAINT "annotations_offsets_check" CHECK ("startOffset" >= 0 AND "endOffset" >= 0),
  ADD CONSTRAINT "annotations_order_check" CHECK ("startIndex" < "endIndex" OR ("startIndex" = "endIndex" AND "startOffset" <= "endOffset")),
  ADD CONSTRAINT "annotations_visibility_check" CHECK (("visibility" = 'PRIVATE') = ("groupId" IS NULL)),
  ADD CONSTRAINT "annotations_rev_check" CHECK ("rev" >= 1);
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_index_check" CHECK ("index" >= 0);
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_number_check" CHECK ("number" >= 1);
ALTER TABLE "groups"
  ADD CONSTRAINT "groups_name_check" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "groups_reveal_check" CHECK ("revealAfter" >= 0 AND "revealAfter" <= 100);
ALTER TABLE "tags"
  ADD CONSTRAINT "tags_color_check" CHECK ("color" ~ '^#[0-9a-fA-F]{6}$'),
  ADD CONSTRAINT "tags_slug_check" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$');

-- Tags with no group are the defaults every document offers. Uniqueness among them
-- cannot be a plain unique constraint (NULL group ids are distinct), hence the partial index.
CREATE UNIQUE INDEX "tags_default_slug_key" ON "tags" ("slug") WHERE "groupId" IS NULL;
INSERT INTO "tags" ("id", "groupId", "slug", "name", "color", "underline", "position") VALUES
  ('00000000-0000-4000-8000-000000000001', NULL, 'claim', 'Claim', '#b45309', 'solid', 1),
  ('00000000-0000-4000-8000-000000000002', NULL, 'evidence', 'Evidence', '#047857', 'dashed', 2),
  ('00000000-0000-4000-8000-000000000003', NULL, 'framing', 'Framing', '#7c3aed', 'wavy', 3);

-- Live updates: every change to an annotation or reply is announced on one channel,
-- so that any number of app servers can fan it out to their Server-Sent Events clients.
CREATE FUNCTION "marginalia_notify_annotation"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  PERFORM pg_notify('marginalia_events', json_build_object(
    'kind', 'annotation', 'op', lower(TG_OP), 'id', row_data."id",
    'documentId', row_data."documentId", 'groupId', row_data."groupId", 'authorId', row_data."authorId"
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "marginalia_notify_reply"() RETURNS trigger AS $$
DECLARE
  row_data RECORD;
  parent RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  SELECT "documentId", "groupId", "authorId" INTO parent FROM "annotations" WHERE "id" = row_data."annotationId";
  IF parent IS NULL THEN RETURN NULL; END IF;
  PERFORM pg_notify('marginalia_events', json_build_object(
    'kind', 'reply', 'op', lower(TG_OP), 'id', row_data."id", 'annotationId', row_data."annotationId",
    'documentId', parent."documentId", 'groupId', parent."groupId", 'authorId', parent."authorId"
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "annotations_notify" AFTER INSERT OR UPDATE OR DELETE ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_annotation"();
CREATE TRIGGER "replies_notify" AFTER INSERT OR UPDATE OR DELETE ON "replies"
  FOR EACH ROW EXECUTE FUNCTION "marginalia_notify_reply"();
