"use client";

import { useEffect, useRef, useState } from "react";
import type { Instrument, Interval, NewsItem } from "../../contract/model";
import { type ChartFocus, intervalForReaction, reactionStart } from "../lib/chart-focus";
import { LiveMarket } from "../lib/live-market";
import type { Theme } from "../lib/theme";
import { LiveMarketContext } from "../lib/use-live-market";
import { useNewsFeed } from "../lib/use-news-feed";
import { AppFooter } from "./app-footer";
import { AppHeader } from "./app-header";
import { ChartPanel } from "./chart-panel";
import { NewsFeed } from "./news-feed";
import { TimeAndSales } from "./time-and-sales";
import { Watchlist } from "./watchlist";

// The selected headline goes into the address, so the view can be shared or reloaded.
function rememberNews(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("news", id);
  else url.searchParams.delete("news");
  window.history.replaceState(window.history.state, "", url);
}

interface LiveDashboardProps {
  instruments: Instrument[];
  theme: Theme;
  onToggleTheme: () => void;
}

/** The dashboard proper: one live connection shared by watchlist, charts, tape and news. */
export function LiveDashboard({ instruments, theme, onToggleTheme }: LiveDashboardProps) {
  const [market] = useState(() => new LiveMarket(instruments.map((i) => i.symbol)));
  const news = useNewsFeed(market);
  const [interval, setChartInterval] = useState<Interval>("1m");
  const [focusedSymbol, setFocusedSymbol] = useState(instruments[0]?.symbol ?? "");
  const [revealNonce, setRevealNonce] = useState(0);
  const [selectedNewsId, setSelectedNewsId] = useState<string | null>(null);
  const [focus, setFocus] = useState<ChartFocus | null>(null);
  const [liveNonce, setLiveNonce] = useState(0);
  const focusCount = useRef(0);

  useEffect(() => {
    market.start();
    return () => market.stop();
  }, [market]);

  // `/?news=ID` (the reactions pages link here) opens on that headline once it is loaded.
  const requestedNews = useRef<string | null>(null);
  useEffect(() => {
    requestedNews.current = new URLSearchParams(window.location.search).get("news");
  }, []);
  useEffect(() => {
    const item = news.items.find((candidate) => candidate.id === requestedNews.current);
    if (!item) return;
    requestedNews.current = null;
    selectNews(item);
    // selectNews is recreated each render; only the arrival of news matters here.
  }, [news.items]);

  const focusSymbol = (symbol: string) => {
    setFocusedSymbol(symbol);
    setRevealNonce((n) => n + 1);
  };

  const selectNews = (item: NewsItem) => {
    if (item.id === selectedNewsId) {
      setSelectedNewsId(null); // a second click folds the headline away; the charts stay put
      rememberNews(null);
      return;
    }
    const t0 = reactionStart(item);
    setSelectedNewsId(item.id);
    rememberNews(item.id);
    setChartInterval((current) => intervalForReaction(current, t0, market.clock()));
    setFocus({ newsId: item.id, t0, nonce: ++focusCount.current });
  };

  const changeInterval = (next: Interval) => {
    setChartInterval(next);
    setFocus(null); // a new interval opens on the live edge, not on an old headline
  };

  return (
    <LiveMarketContext.Provider value={market}>
      <div className="app">
        <AppHeader theme={theme} onToggleTheme={onToggleTheme} />
        <main className="layout">
          <div className="side">
            <Watchlist instruments={instruments} focusedSymbol={focusedSymbol} onFocus={focusSymbol} />
            <TimeAndSales instruments={instruments} focusedSymbol={focusedSymbol} />
          </div>
          <ChartPanel
            instruments={instruments}
            interval={interval}
            onIntervalChange={changeInterval}
            theme={theme}
            news={news.items}
            selectedNewsId={selectedNewsId}
            focus={focus}
            liveNonce={liveNonce}
            onLive={() => {
              setFocus(null);
              setLiveNonce((n) => n + 1);
            }}
            focusedSymbol={focusedSymbol}
            revealNonce={revealNonce}
          />
          <NewsFeed
            items={news.items}
            latest={news.latest}
            error={news.error}
            instruments={instruments}
            selectedId={selectedNewsId}
            onSelect={selectNews}
          />
        </main>
        <AppFooter />
      </div>
    </LiveMarketContext.Provider>
  );
}
