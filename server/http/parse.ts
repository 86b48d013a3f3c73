import { AppError } from "../../contract/errors";

/** Query parameters as an object; a repeated parameter is ambiguous and answers 400. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) {
    if (key in out) throw new AppError("bad_request", `${key}: given more than once`);
    out[key] = value;
  }
  return out;
}
