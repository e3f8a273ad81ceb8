throw new Error("no map");
//# sourceMappingURL=gone.js.map
