-- Sign-in limits that a class behind one address can live with (issue 11): failed sign-ins
-- are counted per account, and sign-ins and sign-ups per client address get a budget of
-- their own. In PostgreSQL so that several app processes share the counters.
CREATE TABLE "sign_in_failures" (
    "email" VARCHAR(320) NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("email"),
    CONSTRAINT "sign_in_failures_failures_check" CHECK ("failures" > 0)
);

CREATE INDEX "sign_in_failures_lastFailureAt_idx" ON "sign_in_failures"("lastFailureAt");

CREATE TABLE "address_budgets" (
    "key" VARCHAR(100) NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "address_budgets_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "address_budgets_count_check" CHECK ("count" > 0)
);

CREATE INDEX "address_budgets_windowStart_idx" ON "address_budgets"("windowStart");
