-- AlterTable
ALTER TABLE "Tick" ADD COLUMN     "resolution" TEXT NOT NULL DEFAULT 'tick';

-- CreateTable
CREATE TABLE "DataSource" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "file" TEXT,
    "resolution" TEXT NOT NULL,
    "firstTs" BIGINT NOT NULL,
    "lastTs" BIGINT NOT NULL,
    "rows" INTEGER NOT NULL,
    "createdAt" BIGINT NOT NULL,

    CONSTRAINT "DataSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataSource_symbol_idx" ON "DataSource"("symbol");

