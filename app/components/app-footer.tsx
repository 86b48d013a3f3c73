import styles from "./app-footer.module.css";

/** The data disclaimer and the charting library's attribution notice. */
export function AppFooter({
  description = "Prices are simulated by Aftershock (seeded KRX model) or imported from the files named on the dashboard, per instrument.",
}: {
  description?: string;
}) {
  return (
    <footer className={styles.footer}>
      <p data-testid="data-disclaimer">{description}</p>
      <p>
        Charts: TradingView Lightweight Charts™, Copyright (c) 2025 TradingView, Inc.{" "}
        <a href="https://www.tradingview.com/" rel="noopener noreferrer">
          tradingview.com
        </a>
      </p>
    </footer>
  );
}
