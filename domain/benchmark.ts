/** The index every reaction is measured against (KOSPI); its own module so the browser can name it without loading the universe. */
export const BENCHMARK = "^KS11";
