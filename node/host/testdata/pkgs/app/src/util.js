module.exports = "app util";
