show delta@-1
