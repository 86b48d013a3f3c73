import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AppFooter } from "../components/app-footer";
import { StudyView } from "../components/study-view";
import frame from "../components/page-frame.module.css";

export const metadata: Metadata = {
  title: "Event study — Aftershock",
  description: "When news like this lands, what does this stock usually do: CAAR with the event-study tests",
};

export default function StudyPage() {
  return (
    <>
      <main className={frame.page}>
        <nav className={frame.crumbs} aria-label="Breadcrumb">
          <Link href="/">Dashboard</Link> · <Link href="/reactions">Reactions</Link>
        </nav>
        <h1 className={frame.title}>Event study</h1>
        <p className={`${frame.lede} ${frame.ledeSpaced}`}>
          The headlines naming one symbol that match the query, pooled in event time: the average abnormal return
          against KOSPI minute by minute after each headline, or trading day by trading day around it (AAR), its running
          sum (CAAR) with a 95% band, and the tests of the event-study literature (cross-sectional t, Patell Z,
          Boehmer–Musumeci–Poulsen, Corrado rank, Cowan&apos;s generalised sign). Headlines inside an earlier one&apos;s
          window (its hour, or its days 0…+20) are left out and the earlier one kept, as are those without an estimation
          window or data to the end of the window. The page address is a permalink.
        </p>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <StudyView />
        </Suspense>
      </main>
      <AppFooter />
    </>
  );
}
