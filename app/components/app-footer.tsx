/** The data disclaimer and the charting library's attribution notice. */
export function AppFooter() {
  return (
    <footer className="app-footer">
      <p>Prices are simulated by Aftershock (seeded KRX model), not market data.</p>
      <p>
        Charts: TradingView Lightweight Charts™, Copyright (c) 2025 TradingView, Inc.{" "}
        <a href="https://www.tradingview.com/" rel="noopener noreferrer">
          tradingview.com
        </a>
      </p>
    </footer>
  );
}
