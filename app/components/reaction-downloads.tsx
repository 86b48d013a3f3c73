import { reactionsCsvUrl, reactionsJsonUrl } from "../lib/transport/reaction-api";
import styles from "./reaction-card.module.css";

/** Links that save the report as served by the API, so the file is what was computed. */
export function ReactionDownloads({ newsId }: { newsId: string }) {
  const base = `reaction-${newsId.replace(/[^A-Za-z0-9._-]/g, "_")}`;
  return (
    <div className={styles.downloads} role="group" aria-label="Download the reaction report">
      <a
        className={styles.button}
        href={reactionsJsonUrl(newsId)}
        download={`${base}.json`}
        data-testid="download-json"
      >
        JSON
      </a>
      <a className={styles.button} href={reactionsCsvUrl(newsId)} download={`${base}.csv`} data-testid="download-csv">
        CSV
      </a>
    </div>
  );
}
