upgrade b8a11a6916c7:alpha@+2 --sql
