module.exports = "app x";
