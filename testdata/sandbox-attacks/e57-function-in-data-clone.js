// structured clone: a function smuggled in a result
({ f: () => pwn(1), nested: [function () {}] })
