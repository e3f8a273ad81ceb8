export const a = 'A';
export function b() {}
b.toString = () => 'B';
