function greet(n: string): void {
  throw new Error("from ts " + n);
}
greet("x");
