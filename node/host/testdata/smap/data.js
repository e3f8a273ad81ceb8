module.exports = "bad map";
//# sourceMappingURL=data:application/json;base64,!!!
