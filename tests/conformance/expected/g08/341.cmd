upgrade d45c9ec353c1:zz@+2 --sql
