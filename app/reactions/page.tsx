import type { Metadata } from "next";
import Link from "next/link";
import { AppFooter } from "../components/app-footer";
import { ReactionsTable } from "../components/reactions-table";
import frame from "../components/page-frame.module.css";

export const metadata: Metadata = {
  title: "Reactions — Aftershock",
  description: "How each headline's tickers reacted: returns, abnormal return and its t-statistic",
};

export default function ReactionsPage() {
  return (
    <>
      <main className={frame.page}>
        <nav className={frame.crumbs} aria-label="Breadcrumb">
          <Link href="/">Dashboard</Link>
        </nav>
        <h1 className={frame.title}>Reactions</h1>
        <p className={frame.lede}>
          Every headline and how each of its tickers moved: return 15 and 60 minutes after it, and the cumulative
          abnormal return (CAR) against KOSPI with its t-statistic (<abbr title="significant at 5%, |t| ≥ 1.96">*</abbr>{" "}
          marks |t| ≥ 1.96); beside them the daily event study's day 0: the return from the previous close, its CAR
          against a 250-day market model and t. &ldquo;Data&rdquo; says whether minute windows exist (intraday) or only
          daily bars (daily). A confounded row had another headline for the same ticker within an hour.
        </p>
        <ReactionsTable />
      </main>
      <AppFooter />
    </>
  );
}
