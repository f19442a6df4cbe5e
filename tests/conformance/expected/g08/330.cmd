upgrade 0edca92d04a3:844da65423a9-1 --sql
