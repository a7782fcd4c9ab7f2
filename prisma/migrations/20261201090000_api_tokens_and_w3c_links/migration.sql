-- W3C Web Annotation Protocol: an annotation posted with `canonical` keeps it, and the id it
-- was posted with is kept as `via` (docs/adr/0012).
ALTER TABLE "annotations" ADD COLUMN "canonical" TEXT;
ALTER TABLE "annotations" ADD COLUMN "via" TEXT;
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_canonical_length" CHECK (char_length("canonical") <= 2000);
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_via_length" CHECK (char_length("via") <= 2000);

-- Personal API tokens: only the SHA-256 of the secret is stored.
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_name_not_blank" CHECK (length(btrim("name")) > 0),
    CONSTRAINT "api_tokens_hash_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");
CREATE INDEX "api_tokens_userId_idx" ON "api_tokens"("userId");

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
