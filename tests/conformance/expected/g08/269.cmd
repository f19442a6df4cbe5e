upgrade d45c9ec353c1:nosuch --sql
