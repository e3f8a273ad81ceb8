// resource attack (process only): parser: 10^5 nested arrow functions, no brackets (the nesting check counts brackets; the parse is not interruptible and hangs the run's thread in-process)
eval('x=>'.repeat(100000) + '1')
