-- CreateTable
CREATE TABLE "Instrument" (
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "Tick" (
    "symbol" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "ts" BIGINT NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "Tick_pkey" PRIMARY KEY ("symbol","seq")
);

-- CreateTable
CREATE TABLE "News" (
    "id" TEXT NOT NULL,
    "publishedAt" BIGINT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" BIGINT NOT NULL,

    CONSTRAINT "News_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsTicker" (
    "newsId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,

    CONSTRAINT "NewsTicker_pkey" PRIMARY KEY ("newsId","symbol")
);

-- CreateIndex
CREATE INDEX "Tick_symbol_ts_idx" ON "Tick"("symbol", "ts");

-- CreateIndex
CREATE INDEX "News_publishedAt_idx" ON "News"("publishedAt");

-- CreateIndex
CREATE INDEX "NewsTicker_symbol_idx" ON "NewsTicker"("symbol");

-- AddForeignKey
ALTER TABLE "NewsTicker" ADD CONSTRAINT "NewsTicker_newsId_fkey" FOREIGN KEY ("newsId") REFERENCES "News"("id") ON DELETE CASCADE ON UPDATE CASCADE;

