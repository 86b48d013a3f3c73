"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { dayKeyOf } from "../../domain/market/kst";
import type { Instrument, Interval, NewsItem } from "../../contract/model";
import { calendar } from "../lib/market/calendar";
import { type ChartFocus, intervalForReaction, reactionStart } from "../lib/charts/chart-focus";
import { describeSources, intervalForData, labelOf, pageLabel } from "../lib/format/data-labels";
import { LiveMarket } from "../lib/market/live-market";
import { useDataSources } from "../hooks/use-data-sources";
import type { MarketSource } from "../lib/market/market-source";
import { lastSessionRange, reactionReplayRange } from "../lib/replay/replay-range";
import { replayRangeOf } from "../lib/replay/replay-state";
import type { Theme } from "../lib/state/theme";
import { withStoredPrices } from "../lib/state/watchlist";
import { MarketContext } from "../hooks/use-market";
import { useNewsFeed } from "../hooks/use-news-feed";
import { useReplay } from "../hooks/use-replay";
import { useReplayShortcuts } from "../hooks/use-replay-shortcuts";
import { AppFooter } from "./app-footer";
import { AppHeader } from "./app-header";
import { ChartPanel } from "./chart-panel";
import { NewsFeed } from "./news-feed";
import { ReplayBar } from "./replay-bar";
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
  /** Every instrument the server knows, for adding to the watchlist. */
  universe: readonly Instrument[];
  onWatchedChange: (symbols: string[]) => void;
  theme: Theme;
  onToggleTheme: () => void;
}

/**
 * The dashboard proper: one live connection shared by watchlist, charts, tape and news.
 * During a replay the panels read the replay instead; the live connection keeps running
 * underneath, unread, so going back to live is a reload from an up-to-date feed.
 */
export function LiveDashboard({ instruments, universe, onWatchedChange, theme, onToggleTheme }: LiveDashboardProps) {
  const symbols = useMemo(() => instruments.map((i) => i.symbol), [instruments]);
  const [live] = useState(() => new LiveMarket(symbols));
  const replay = useReplay(symbols);
  const market: MarketSource = replay.market ?? live;
  const news = useNewsFeed(market);
  useReplayShortcuts(replay.view.phase === "on", replay.controls);
  const selectedItem = useRef<NewsItem | null>(null);
  const [interval, setChartInterval] = useState<Interval>("1m");
  const [focusedSymbol, setFocusedSymbol] = useState(symbols[0] ?? "");
  const [revealNonce, setRevealNonce] = useState(0);
  const [selectedNewsId, setSelectedNewsId] = useState<string | null>(null);
  const [focus, setFocus] = useState<ChartFocus | null>(null);
  const [liveNonce, setLiveNonce] = useState(0);
  const focusCount = useRef(0);
  const data = useDataSources(live);
  // The watchlist says which rows have prices: by the sources, which follow imports.
  const watched = useMemo(() => withStoredPrices(instruments, data.sources), [instruments, data.sources]);
  const addable = useMemo(() => withStoredPrices(universe, data.sources), [universe, data.sources]);
  const sourceOf = (symbol: string) => labelOf(symbol, data.sources, data.feed);

  // An import into the running server: every chart reloads its history.
  useEffect(() => {
    if (data.version > 0) setLiveNonce((n) => n + 1);
  }, [data.version]);

  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);

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
      selectedItem.current = null;
      setSelectedNewsId(null); // a second click folds the headline away; the charts stay put
      rememberNews(null);
      return;
    }
    const t0 = reactionStart(item);
    selectedItem.current = item;
    setSelectedNewsId(item.id);
    rememberNews(item.id);
    // Daily-only history around the headline answers in daily bars; minute bars would be four made-up prints a day.
    const tickerSources = data.sources.filter((s) => item.tickers.includes(s.symbol));
    setChartInterval(
      (current) => intervalForData(t0, tickerSources) ?? intervalForReaction(current, t0, market.clock()),
    );
    setFocus({ newsId: item.id, t0, nonce: ++focusCount.current });
  };

  const replayNews = (item: NewsItem) => replay.controls.start(reactionReplayRange(reactionStart(item)), 60);

  const selected = selectedItem.current?.id === selectedNewsId ? selectedItem.current : null;
  // Re-renders only when the live market's day changes, not on every clock tick.
  const liveDay = useSyncExternalStore(
    live.subscribe,
    () => {
      const clock = live.clock();
      return clock ? dayKeyOf(clock.t) : null;
    },
    () => null,
  );
  // Suggested in the replay form: the selected headline's reaction, else the last full session.
  const suggested = useMemo(
    () =>
      selected
        ? reactionReplayRange(reactionStart(selected))
        : lastSessionRange(calendar, live.clock()?.t ?? Date.now()),
    [selected, liveDay, live],
  );

  const changeInterval = (next: Interval) => {
    setChartInterval(next);
    setFocus(null); // a new interval opens on the live edge, not on an old headline
  };

  return (
    <MarketContext.Provider value={market}>
      <div className="app">
        <div className="app-top">
          <AppHeader
            theme={theme}
            onToggleTheme={onToggleTheme}
            replay={replayRangeOf(replay.view)}
            source={pageLabel(symbols, data.sources, data.feed)}
          />
          <ReplayBar view={replay.view} controls={replay.controls} suggested={suggested} />
        </div>
        <main className="layout">
          <div className="side">
            <Watchlist
              instruments={watched}
              universe={addable}
              onWatchedChange={onWatchedChange}
              focusedSymbol={focusedSymbol}
              onFocus={focusSymbol}
            />
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
            sourceOf={sourceOf}
          />
          <NewsFeed
            items={news.items}
            latest={news.latest}
            error={news.error}
            instruments={universe}
            selectedId={selectedNewsId}
            onSelect={selectNews}
            onReplay={replayNews}
            replaying={replay.view.phase !== "off"}
            replayClock={replay.view.phase === "on" ? replay.view.t : null}
          />
        </main>
        <AppFooter description={describeSources(symbols, data.sources, data.feed)} />
      </div>
    </MarketContext.Provider>
  );
}
