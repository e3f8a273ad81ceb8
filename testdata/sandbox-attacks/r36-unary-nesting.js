// resource attack (process only): parser: 10^5 nested void operators, no brackets (a parse nothing interrupts)
Function('return ' + 'void '.repeat(100000) + '1')()
