"use client";

import { useColorConvention } from "../hooks/use-color-convention";
import styles from "./color-convention-toggle.module.css";
import ui from "./ui.module.css";

/** Switches which colour means up: green up / red down, or KRX's red up / blue down. */
export function ColorConventionToggle() {
  const { convention, toggle } = useColorConvention();
  const krx = convention === "krx";
  return (
    <button
      type="button"
      className={`${ui.button} ${styles.toggle}`}
      data-testid="color-toggle"
      data-colors-current={convention}
      onClick={toggle}
      aria-label={
        krx
          ? "Colours: KRX, red up and blue down. Switch to green up, red down"
          : "Colours: green up, red down. Switch to KRX, red up and blue down"
      }
      title={
        krx
          ? "Red up / blue down (KRX). Switch to green up / red down"
          : "Green up / red down. Switch to red up / blue down (KRX)"
      }
    >
      <span className={`${styles.swatch} ${ui.up}`} aria-hidden="true" data-testid="swatch-up">
        ▲
      </span>
      <span className={`${styles.swatch} ${ui.down}`} aria-hidden="true" data-testid="swatch-down">
        ▼
      </span>{" "}
      {krx ? "KRX" : "Intl"}
    </button>
  );
}
