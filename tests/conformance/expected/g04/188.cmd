upgrade 738d6e58d5ca:heads --sql
