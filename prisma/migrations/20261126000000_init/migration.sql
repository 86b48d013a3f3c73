-- CreateTable
CREATE TABLE "Instrument" (
    "symbol" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Tick" (
    "symbol" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "ts" BIGINT NOT NULL,
    "price" REAL NOT NULL,
    "size" INTEGER NOT NULL,

    PRIMARY KEY ("symbol", "seq")
);

-- CreateTable
CREATE TABLE "News" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publishedAt" BIGINT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "NewsTicker" (
    "newsId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,

    PRIMARY KEY ("newsId", "symbol"),
    CONSTRAINT "NewsTicker_newsId_fkey" FOREIGN KEY ("newsId") REFERENCES "News" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Tick_symbol_ts_idx" ON "Tick"("symbol", "ts");

-- CreateIndex
CREATE INDEX "News_publishedAt_idx" ON "News"("publishedAt");

-- CreateIndex
CREATE INDEX "NewsTicker_symbol_idx" ON "NewsTicker"("symbol");

