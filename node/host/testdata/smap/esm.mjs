export default "esm missing map";
//# sourceMappingURL=nope.map
