import { z } from "zod";

// The one way in to zod. In the browser, zod must not compile validators with `new Function`:
// the page's Content-Security-Policy forbids eval, and even zod's probe for it is reported as
// a violation. Configured here, before any schema is built, whichever module a page pulls in
// first; the server keeps the faster compiled validators. The linter refuses `from "zod"`
// anywhere else.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
