upgrade 31163bfd1d33:zz@+2 --sql
