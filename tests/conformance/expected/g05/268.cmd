downgrade heads:87b0ec1d7da0 --sql
