show billing@-1
