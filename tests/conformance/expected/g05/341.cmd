upgrade 87b0ec1d7da0:f7f3f0e3cd97-1 --sql
