import { writeFileSync } from "node:fs";
import { computedHolidaysModule } from "./compute";

const target = new URL("../../domain/market/krx-holidays-computed.ts", import.meta.url);
writeFileSync(target, computedHolidaysModule());
console.log(`wrote ${target.pathname}`);
