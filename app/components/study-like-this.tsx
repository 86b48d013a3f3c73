"use client";

import { keyTermsQuery } from "../lib/format/study-text";
import { useNewsItem } from "../hooks/use-news-item";

interface StudyLikeThisProps {
  symbol: string;
  /** The headline, when the caller has it; otherwise it is looked up by id. */
  headline?: string | undefined;
  newsId: string;
  className?: string | undefined;
}

/** "Study headlines like this one": the study page with the headline's key terms filled in. */
export function StudyLikeThis({ symbol, headline, newsId, className }: StudyLikeThisProps) {
  return headline === undefined ? (
    <StudyLikeThisLookup symbol={symbol} newsId={newsId} className={className} />
  ) : (
    <StudyLink symbol={symbol} headline={headline} className={className} />
  );
}

function StudyLikeThisLookup({ symbol, newsId, className }: Omit<StudyLikeThisProps, "headline">) {
  const { item } = useNewsItem(newsId);
  return item ? <StudyLink symbol={symbol} headline={item.headline} className={className} /> : null;
}

function StudyLink({
  symbol,
  headline,
  className,
}: {
  symbol: string;
  headline: string;
  className?: string | undefined;
}) {
  const href = `/study?${new URLSearchParams({ symbol, q: keyTermsQuery(headline) }).toString()}`;
  return (
    <a className={className} href={href} data-testid="study-like-this">
      Study headlines like this one ({symbol})
    </a>
  );
}
