exports.a = 1;
const m = "import x from 'y'";
if (false) { import('z'); }
