upgrade 096d --sql
