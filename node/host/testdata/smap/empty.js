module.exports = "empty map";
//# sourceMappingURL=empty.js.map
