module.exports = { n: Math.random() };
