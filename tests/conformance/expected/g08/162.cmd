upgrade 0edca92d04a3:heads --sql
