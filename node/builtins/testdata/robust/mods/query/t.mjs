export function boom() { throw new Error("b"); }
