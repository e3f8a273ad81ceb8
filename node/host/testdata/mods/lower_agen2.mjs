// async generators with no for await: sobek parses them and refuses them
// only at instantiation
export async function* gen(n) { for (let i = 0; i < n; i++) yield i; }
export class Bag {
  constructor(...xs) { this.xs = xs; }
  async *[Symbol.asyncIterator]() { for (const x of this.xs) yield x; }
}
export const obj = { async *items() { yield 'a'; yield 'b'; } };
