"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { formatKstStamp, toKstIso } from "../lib/format/format-kst";
import { formatPercent } from "../lib/format/format-number";
import { DEFAULT_SORT, type Sort, type SortKey, nextSort, sortRows } from "../lib/state/reaction-rows";
import { formatTStat, isSignificant } from "../lib/format/reaction-format";
import { useInstrumentDirectory } from "../hooks/use-instrument-directory";
import { useReactionRows } from "../hooks/use-reaction-rows";
import { ReactionFigure } from "./reaction-figure";
import { ReactionsSortHeader } from "./reactions-sort-header";
import { ScrollTable } from "./scroll-table";
import styles from "./reactions-table.module.css";
import ui from "./ui.module.css";

interface CellProps {
  value: number | null;
  testId: string;
  /** Why a missing value is missing, shown on hover. */
  missing: string;
}

const intradayMissing = (resolution: string) =>
  resolution === "daily" ? "not available: daily data only" : "not reached yet";

/** A return as a percentage with two decimals. */
function PercentCell({ value, testId, missing }: CellProps) {
  return (
    <td className={styles.numeric}>
      <ReactionFigure
        value={value}
        format={formatPercent}
        shownDecimals={2}
        scale={100}
        testId={testId}
        missingTitle={missing}
      />
    </td>
  );
}

/** A t statistic, starred when significant at 5%. */
function TStatCell({ value, testId, missing }: CellProps) {
  return (
    <td className={styles.numeric}>
      <ReactionFigure
        value={value}
        format={formatTStat}
        shownDecimals={2}
        signed={false}
        testId={testId}
        missingTitle={missing}
      />
      {value !== null && isSignificant(value) && (
        <abbr className={styles.sig} title="significant at 5% (|t| ≥ 1.96)">
          *
        </abbr>
      )}
    </td>
  );
}

/** Every headline's reaction, one row per ticker, sortable by any column. */
export function ReactionsTable() {
  const { rows, loaded, total, failed, error } = useReactionRows();
  const instruments = useInstrumentDirectory();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const onSort = (key: SortKey) => setSort((s) => nextSort(s, key));
  const done = total !== null && loaded === total;
  const header = { sort, onSort };

  return (
    <div
      className={styles.wrap}
      data-testid="reactions-table"
      data-state={error ? "error" : done ? "ready" : "loading"}
    >
      <p className={styles.status} role="status">
        {error
          ? `Could not load headlines: ${error}`
          : total === null
            ? "Loading headlines…"
            : done
              ? `${total} headline${total === 1 ? "" : "s"}, ${rows.length} ticker reaction${rows.length === 1 ? "" : "s"}${failed ? ` (${failed} could not be computed)` : ""}.`
              : `Computing reactions: ${loaded} of ${total} headlines…`}
      </p>
      <ScrollTable boxClassName={styles.scroll} className={styles.table}>
        <caption className={ui.srOnly}>Reactions by headline and ticker; column headers sort the table.</caption>
        <thead>
          <tr>
            <ReactionsSortHeader column="publishedAt" label="Time (KST)" {...header} />
            <ReactionsSortHeader column="headline" label="Headline" {...header} />
            <ReactionsSortHeader column="symbol" label="Ticker" {...header} />
            <ReactionsSortHeader column="resolution" label="Data" {...header} />
            <ReactionsSortHeader column="r15m" label="+15m" numeric {...header} />
            <ReactionsSortHeader column="r60m" label="+60m" numeric {...header} />
            <ReactionsSortHeader column="car" label="CAR" numeric {...header} />
            <ReactionsSortHeader column="tStat" label="t-stat" numeric {...header} />
            <ReactionsSortHeader column="d0" label="Day 0" numeric {...header} />
            <ReactionsSortHeader column="dCar" label="AR day 0" numeric {...header} />
            <ReactionsSortHeader column="dT" label="t day 0" numeric {...header} />
            <ReactionsSortHeader column="confounded" label="Confounded" {...header} />
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.key} data-testid="reactions-row" data-news-id={row.newsId} data-symbol={row.symbol}>
              <td className={styles.time}>
                <time dateTime={toKstIso(row.publishedAt)}>{formatKstStamp(row.publishedAt)}</time>
              </td>
              <td className={styles.headline}>
                <Link href={`/?news=${encodeURIComponent(row.newsId)}`}>{row.headline}</Link>{" "}
                <Link className={styles.details} href={`/reactions/${encodeURIComponent(row.newsId)}`}>
                  reaction card<span className={ui.srOnly}> ({row.symbol})</span>
                </Link>
              </td>
              <td className={styles.symbol}>
                {row.symbol}
                <span className={styles.symbolName}>{instruments.get(row.symbol)?.name}</span>
              </td>
              <td data-testid="cell-resolution" data-value={row.resolution}>
                <span
                  className={ui.muted}
                  title={
                    row.resolution === "daily"
                      ? "only daily bars around the headline: no minute windows"
                      : "ticks or intraday bars around the headline"
                  }
                >
                  {row.resolution}
                </span>
              </td>
              <PercentCell value={row.r15m} testId="cell-15m" missing={intradayMissing(row.resolution)} />
              <PercentCell value={row.r60m} testId="cell-60m" missing={intradayMissing(row.resolution)} />
              <PercentCell value={row.car} testId="cell-car" missing="no market model" />
              <TStatCell value={row.tStat} testId="cell-tstat" missing="no market model" />
              <PercentCell value={row.d0} testId="cell-d0" missing="no daily closes around the headline" />
              <PercentCell value={row.dCar} testId="cell-dcar" missing="no daily market model" />
              <TStatCell value={row.dT} testId="cell-dt" missing="no daily market model" />
              <td data-testid="cell-confounded" data-value={String(row.confounded)}>
                {row.confounded ? (
                  <span className={styles.warn}>
                    <span aria-hidden="true">⚠ </span>yes
                  </span>
                ) : (
                  <span className={ui.muted}>no</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
