"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { RouteQuery } from "../../contract/api";
import type { Study } from "../../contract/model";
import { getApi } from "../lib/transport/api-client";
import { paletteOf } from "../lib/charts/chart-palette";
import { formatKstDate, formatKstTime } from "../lib/format/format-kst";
import { drawStudyChart } from "../lib/charts/study-chart";
import { tTestSentence, verdictOf, windowLabel } from "../lib/format/study-text";
import { useTheme } from "../hooks/use-theme";
import { useColorConvention } from "../hooks/use-color-convention";
import { ScrollTable } from "./scroll-table";
import styles from "../study/study.module.css";
import frame from "./page-frame.module.css";
import ui from "./ui.module.css";

const FIELDS = ["symbol", "resolution", "q", "source", "from", "to", "newsIds"] as const;
const TESTS = [
  ["crossSectionalT", "Cross-sectional t"],
  ["patellZ", "Patell Z"],
  ["bmp", "BMP t"],
  ["corradoRank", "Corrado rank"],
  ["generalizedSign", "Generalised sign"],
] as const;

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${v >= 0 ? "+" : ""}${(v * 100).toFixed(2)}%`;
const num = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/** The study page: the query form (a permalink), the CAAR path, the tests and the events. */
export function StudyView() {
  const params = useSearchParams();
  const router = useRouter();
  const query = new URLSearchParams();
  for (const f of FIELDS) {
    const v = params.get(f);
    if (v) query.set(f, v);
  }
  if (!query.get("symbol")) query.set("symbol", "005380.KS");
  const search = query.toString();
  const [study, setStudy] = useState<Study | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    const given = new URLSearchParams(search);
    const request: Record<string, string> = {};
    for (const f of FIELDS) {
      const v = given.get(f);
      if (v) request[f] = v;
    }
    // The page's own address, passed on as given (a bad `resolution` too): the server checks it.
    getApi("GET /api/study", request as RouteQuery<"GET /api/study">, abort.signal)
      .then(setStudy)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) {
          setStudy(null);
          setError(e instanceof Error ? e.message : String(e));
        }
      });
    return () => abort.abort();
  }, [search]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(event.currentTarget))
      if (typeof v === "string" && v.trim()) next.set(k, v.trim());
    router.replace(`/study?${next.toString()}`);
  };

  return (
    <>
      <form className={styles.form} onSubmit={submit} key={search} aria-label="Study query">
        <label>
          Symbol
          <input name="symbol" defaultValue={query.get("symbol") ?? ""} size={10} required />
        </label>
        <label className={styles.query}>
          Headline or body contains (words, &quot;phrases&quot;, OR)
          <input name="q" defaultValue={query.get("q") ?? ""} placeholder="tariff OR 관세" />
        </label>
        <label>
          Event time
          <select name="resolution" defaultValue={query.get("resolution") ?? "intraday"}>
            <option value="intraday">Intraday: minutes 1–60</option>
            <option value="daily">Daily: trading days −1…+20</option>
          </select>
        </label>
        <label>
          Source
          <input name="source" defaultValue={query.get("source") ?? ""} size={12} />
        </label>
        <label>
          From
          <input name="from" defaultValue={query.get("from") ?? ""} placeholder="2025-10-01" size={11} />
        </label>
        <label>
          To
          <input name="to" defaultValue={query.get("to") ?? ""} placeholder="2025-10-31" size={11} />
        </label>
        <button className={styles.button} type="submit">
          Study
        </button>
      </form>

      {error && (
        <p className={styles.error} role="alert">
          Could not run the study: {error}
        </p>
      )}
      {study && <StudyResult study={study} search={search} />}
      {!study && !error && <p role="status">Running the study…</p>}
    </>
  );
}

function StudyResult({ study, search }: { study: Study; search: string }) {
  const host = useRef<HTMLDivElement>(null);
  const { theme } = useTheme();
  const { convention } = useColorConvention();
  useEffect(() => {
    if (!host.current || study.n === 0) return;
    const chart = drawStudyChart(host.current, study, paletteOf(theme, convention));
    return () => chart.remove();
  }, [study, theme, convention]);
  const last = study.windows.at(-1);
  const daily = study.resolution === "daily";
  const unit = daily ? "trading days" : "minutes";
  const label = (window: string) => windowLabel(study.resolution, window);

  return (
    <div data-testid="study-result">
      <p className={styles.summary} data-testid="study-summary">
        <strong>{study.n}</strong> of {study.events.length} headlines naming {study.symbol} studied ({study.resolution},
        abnormal against {study.benchmark} by a market model).
        {last && last.caar !== null && (
          <>
            {" "}
            Over {daily ? label(last.window) : `the first ${last.window}`} they moved {pct(last.caar)} beyond the market
            on average, {last.positive} of {study.n} up; {tTestSentence(last.tests.crossSectionalT)}.
          </>
        )}
      </p>
      <div className={styles.downloads}>
        <a href={`/api/study.csv?${search}`} download="study.csv">
          Download CSV
        </a>
        <a href={`/api/study?${search}`} download="study.json">
          Download JSON
        </a>
      </div>
      {study.n > 0 && (
        <>
          <div
            ref={host}
            className={styles.chart}
            role="img"
            aria-label={`CAAR over ${unit} after the headlines with its 95% band`}
            data-testid="study-chart"
          />
          <p className={styles.caption}>
            Cumulative average abnormal return (CAAR, solid) over {unit} from the event
            {daily
              ? " (day 0: the headline's trading day, or the next when it lands after the close; summed from day −1)"
              : ""}
            , with its 95% confidence band (dashed) from the spread of the events&apos; CARs.
          </p>
        </>
      )}

      <h2 className={frame.title}>Windows</h2>
      <ScrollTable boxClassName={styles.tableWrap} className={styles.table} testId="study-windows">
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">CAAR</th>
            <th scope="col">Positive</th>
            {TESTS.map(([key, label]) => (
              <th scope="col" key={key}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {study.windows.map((w) => (
            <tr key={w.window}>
              <th scope="row">{label(w.window)}</th>
              <td>{pct(w.caar)}</td>
              <td>
                {w.positive}/{study.n}
              </td>
              {TESTS.map(([key]) => {
                const test = w.tests[key];
                const verdict = verdictOf(test);
                return (
                  <td key={key} title={test.pValue === null ? undefined : `p = ${test.pValue.toPrecision(3)}`}>
                    {num(test.statistic)}{" "}
                    <span className={verdict.startsWith("significant") ? styles.sig : ui.muted}>({verdict})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2 className={frame.title}>Events</h2>
      <ScrollTable boxClassName={styles.tableWrap} className={styles.table} testId="study-events">
        <thead>
          <tr>
            <th scope="col">{daily ? "Day 0 (KST)" : "t0 (KST)"}</th>
            <th scope="col" className={styles.left}>
              Headline
            </th>
            {study.windows.map((w) => (
              <th scope="col" key={w.window}>
                CAR {label(w.window)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {study.events.map((e) => {
            const t0 = Date.parse(e.t0);
            return (
              <tr key={e.newsId} data-included={e.included}>
                <td>
                  {formatKstDate(t0)}
                  {daily ? "" : ` ${formatKstTime(t0)}`}
                </td>
                <td className={styles.left}>
                  <a href={`/reactions/${encodeURIComponent(e.newsId)}`}>{e.headline ?? e.newsId}</a>
                  {!e.included && <div className={ui.muted}>left out: {e.reason}</div>}
                </td>
                {study.windows.map((w) => (
                  <td key={w.window} className={e.included ? undefined : ui.muted}>
                    {pct(e.cars[w.window])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </div>
  );
}
