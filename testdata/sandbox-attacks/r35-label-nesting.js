// resource attack (process only): parser: 10^5 nested labels, no brackets (the recursive parser exhausts the Go stack: fatal in-process)
eval('a:'.repeat(100000) + '1')
