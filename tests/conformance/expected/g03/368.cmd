upgrade 21638b529b4a:alpha@+2 --sql
