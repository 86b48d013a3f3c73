-- The KOSPI universe: Korean names, sector and beta, and the tagger's context rules.
ALTER TABLE "Instrument" ADD COLUMN "nameKo" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Instrument" ADD COLUMN "sector" TEXT;
ALTER TABLE "Instrument" ADD COLUMN "beta" REAL;
ALTER TABLE "Instrument" ADD COLUMN "tagging" TEXT NOT NULL DEFAULT '{}';
