-- Safe retries: the key of a create or edit is stored with the change, in the same transaction.
CREATE TABLE "idempotency_keys" (
    "userId" TEXT NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "method" VARCHAR(10) NOT NULL,
    "path" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("userId","key")
);

CREATE INDEX "idempotency_keys_createdAt_idx" ON "idempotency_keys"("createdAt");
