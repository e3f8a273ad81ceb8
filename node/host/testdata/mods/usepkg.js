module.exports = require("pkg");
