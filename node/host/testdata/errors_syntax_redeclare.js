let total = 1;
function f() {}
var total = 2;
