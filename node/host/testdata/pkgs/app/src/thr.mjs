import c from "./c.cjs"; export const a = 1; throw new Error("boom in esm");
