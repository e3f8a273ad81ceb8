// resource attack (process only): memory: spreading a huge sparse array materialises it in one native step (fatal Go out-of-memory in-process)
[...Array(2 ** 30)].length
