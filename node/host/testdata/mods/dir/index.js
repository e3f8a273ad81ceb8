module.exports = { dir: "index" };
