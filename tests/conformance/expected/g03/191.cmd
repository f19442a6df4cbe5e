upgrade 31163bfd1d33:+1 --sql
