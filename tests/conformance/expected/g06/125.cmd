upgrade heads --sql
