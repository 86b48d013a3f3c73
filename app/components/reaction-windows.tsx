import type { Reaction } from "../../contract/model";
import { BENCHMARK } from "../../domain/benchmark";
import { dayKeyOf } from "../../domain/market/kst";
import { EVENT_WINDOW_MIN } from "../../domain/reaction/compute-reaction";
import { formatKstStamp, formatKstTime, toKstIso } from "../lib/format/format-kst";
import { formatPrice } from "../lib/format/format-number";
import styles from "./reaction-card.module.css";
import { ensure } from "../../domain/invariant";

/** The windows the figures were computed over, so a reader can tell what they mean. */
export function ReactionWindows({ reactions }: { reactions: readonly Reaction[] }) {
  const first = reactions[0];
  if (!first) return null;
  if (reactions.every((r) => r.resolution === "daily")) return <DailyWindows reactions={reactions} />;
  const event = first.eventWindow;
  const estimation = reactions.find((r) => r.estimation)?.estimation ?? null;
  const ns = reactions.flatMap((r) => (r.estimation ? [r.estimation.n] : []));
  const nText =
    ns.length === 0
      ? ""
      : Math.min(...ns) === Math.max(...ns)
        ? formatPrice(ns[0]!, 0)
        : `${formatPrice(Math.min(...ns), 0)}–${formatPrice(Math.max(...ns), 0)}`;
  const from = Date.parse(event.from);
  const to = Date.parse(event.to);
  // A window that runs past the close ends on another day: then the end needs its date.
  const clock = (t: number) => (dayKeyOf(t) === dayKeyOf(from) ? formatKstTime(t) : formatKstStamp(t));
  return (
    <dl className={styles.windows} data-testid="reaction-windows">
      <div>
        <dt>Event window</dt>
        <dd>
          {event.minutes === 0 ? (
            <>
              from <time dateTime={toKstIso(from)}>{formatKstTime(from)}</time> KST, {EVENT_WINDOW_MIN} trading min; not
              started yet
            </>
          ) : (
            <>
              <time dateTime={toKstIso(from)}>{formatKstTime(from)}</time>–
              <time dateTime={toKstIso(to)}>{clock(to)}</time> KST
              {event.minutes < EVENT_WINDOW_MIN
                ? `, ${event.minutes} of ${EVENT_WINDOW_MIN} trading min so far`
                : `, ${event.minutes} trading min`}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Estimation window</dt>
        <dd>
          {estimation ? (
            <>
              <time dateTime={estimation.from}>{formatKstStamp(Date.parse(estimation.from))}</time>–
              <time dateTime={estimation.to}>{formatKstStamp(Date.parse(estimation.to))}</time> KST, n = {nText}, OLS on
              1-min returns against {BENCHMARK}
            </>
          ) : (
            "none (no market model)"
          )}
        </dd>
      </div>
    </dl>
  );
}

// With daily data only the windows are trading days around day 0.
function DailyWindows({ reactions }: { reactions: readonly Reaction[] }) {
  const daily = reactions.find((r) => r.daily)?.daily ?? null;
  const model = reactions.find((r) => r.daily?.model)?.daily?.model ?? null;
  const last = daily?.windows[daily.windows.length - 1];
  return (
    <dl className={styles.windows} data-testid="reaction-windows">
      <div>
        <dt>Resolution</dt>
        <dd>daily bars only: minute windows not available</dd>
      </div>
      <div>
        <dt>Event window</dt>
        <dd>
          {daily ? (
            <>
              trading days 0 ({daily.eventDay}) to +20{last ? ` (${last.to})` : ""}, from the close of {daily.baseDay}
            </>
          ) : (
            "no daily closes around the headline"
          )}
        </dd>
      </div>
      <div>
        <dt>Estimation window</dt>
        <dd>
          {model ? (
            <>
              {model.from} to {model.to} (trading days {ensure(daily, "the daily study").estimationWindow.from}…
              {ensure(daily, "the daily study").estimationWindow.to}), n = {formatPrice(model.n, 0)}, OLS on daily
              returns against {BENCHMARK}
            </>
          ) : (
            `none: ${daily?.modelReason ?? "no daily closes"}`
          )}
        </dd>
      </div>
    </dl>
  );
}
