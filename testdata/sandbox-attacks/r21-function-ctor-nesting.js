// resource attack: parser nesting through the Function constructor
Function('return ' + '('.repeat(1000000) + '1' + ')'.repeat(1000000))
