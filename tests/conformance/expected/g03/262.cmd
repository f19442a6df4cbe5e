upgrade 21638b529b4a:31163bfd1d33 --sql
