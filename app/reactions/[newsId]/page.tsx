import type { Metadata } from "next";
import Link from "next/link";
import { AppFooter } from "../../components/app-footer";
import { EventOverlayChart } from "../../components/event-overlay-chart";
import { ReactionCard } from "../../components/reaction-card";
import { ReactionStory } from "../../components/reaction-story";
import frame from "../../components/page-frame.module.css";
import styles from "./detail.module.css";

export const metadata: Metadata = {
  title: "Reaction — Aftershock",
};

/** One headline: its reaction card and the overlay of its tickers against KOSPI. */
export default async function ReactionDetailPage({ params }: { params: Promise<{ newsId: string }> }) {
  const { newsId } = await params;
  return (
    <>
      <main className={`${frame.page} ${frame.wide}`}>
        <nav className={frame.crumbs} aria-label="Breadcrumb">
          <Link href={`/?news=${encodeURIComponent(newsId)}`}>Dashboard</Link>
          <span aria-hidden="true"> / </span>
          <Link href="/reactions">All reactions</Link>
        </nav>
        <ReactionStory newsId={newsId}>
          <div className={styles.grid}>
            <ReactionCard newsId={newsId} />
            <EventOverlayChart newsId={newsId} />
          </div>
        </ReactionStory>
      </main>
      <AppFooter />
    </>
  );
}
