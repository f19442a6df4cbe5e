upgrade 31163bfd1d33:nosuch --sql
