upgrade b8a11a6916c7:nosuch --sql
