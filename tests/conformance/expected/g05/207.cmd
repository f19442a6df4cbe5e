downgrade f7f3f0e3cd97:87b0ec1d7da0 --sql
