"use client";

import { useColorConvention } from "../hooks/use-color-convention";

/** Switches which colour means up: green up / red down, or KRX's red up / blue down. */
export function ColorConventionToggle() {
  const { convention, toggle } = useColorConvention();
  const krx = convention === "krx";
  return (
    <button
      type="button"
      className="button color-toggle"
      data-testid="color-toggle"
      data-colors-current={convention}
      onClick={toggle}
      aria-label={krx ? "Colours: KRX, red up and blue down. Switch to green up, red down" : "Colours: green up, red down. Switch to KRX, red up and blue down"}
      title={krx ? "Red up / blue down (KRX). Switch to green up / red down" : "Green up / red down. Switch to red up / blue down (KRX)"}
    >
      <span className="color-swatch is-up" aria-hidden="true">▲</span>
      <span className="color-swatch is-down" aria-hidden="true">▼</span> {krx ? "KRX" : "Intl"}
    </button>
  );
}
