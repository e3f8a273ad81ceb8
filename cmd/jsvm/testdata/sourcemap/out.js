function greet(n) {
    throw new Error("from ts " + n);
}
greet("x");
//# sourceMappingURL=out.js.map
