/** Error codes the API and the socket acks answer with; each maps to one HTTP status. */
export const errorStatus = {
  bad_request: 400,
  /** A write without the right `Authorization: Bearer` token. */
  unauthorized: 401,
  /** A write this node refuses whatever the token (non-loopback HOST without API_TOKEN). */
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  /** A Host header this server does not answer for (DNS-rebinding defence). */
  host_not_allowed: 421,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The wire form of an error, in HTTP bodies and in `{ ok: false, error }` acks. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The one error type of the project: thrown anywhere, mapped to an answer at the edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into the wire error; unknown errors never leak their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: "internal", message: "internal error" };
}
