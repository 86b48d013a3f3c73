import { ImportError } from "./import-errors";

/** How long and how much a fetch may take. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** GETs `url` as UTF-8 text, failing past `timeoutMs` (body included) or `maxBytes`. */
export async function fetchText(url: string, limits: FetchLimits): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const res = await fetch(url, {
      signal,
      redirect: "follow",
      headers: {
        accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.9, */*;q=0.5",
      },
    });
    if (!res.ok) throw new ImportError(`${url} answered HTTP ${res.status}`);
    const declared = Number(res.headers.get("content-length"));
    if (declared > limits.maxBytes) throw tooLarge(url, limits);
    if (!res.body) return "";
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      // A missing or lying Content-Length must not let a feed fill memory.
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw tooLarge(url, limits);
      }
      chunks.push(read.value);
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (signal.aborted) throw new ImportError(`${url} did not answer within ${limits.timeoutMs / 1000} s`);
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new ImportError(`could not fetch ${url}: ${cause ?? (error as Error).message}`);
  }
}

function tooLarge(url: string, limits: FetchLimits): ImportError {
  return new ImportError(`${url} is larger than ${limits.maxBytes / 1_000_000} MB`);
}
