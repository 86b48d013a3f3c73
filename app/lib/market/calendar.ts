import { KrxCalendar } from "../../../domain/market/krx-calendar";

/** The KRX calendar the page shares (sessions, holidays, first tradable moment). */
export const calendar = new KrxCalendar();
