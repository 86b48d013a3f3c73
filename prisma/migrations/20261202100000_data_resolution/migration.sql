-- AlterTable (a constant default: SQLite adds the column without copying the table, so a
-- large tick history migrates in an instant)
ALTER TABLE "Tick" ADD COLUMN "resolution" TEXT NOT NULL DEFAULT 'tick';

-- CreateTable
CREATE TABLE "DataSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "symbol" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "file" TEXT,
    "resolution" TEXT NOT NULL,
    "firstTs" BIGINT NOT NULL,
    "lastTs" BIGINT NOT NULL,
    "rows" INTEGER NOT NULL,
    "createdAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "DataSource_symbol_idx" ON "DataSource"("symbol");
