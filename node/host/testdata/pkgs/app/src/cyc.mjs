import "./cyc.cjs"; export const y = 1;
