downgrade f9:5790c1d3fcff --sql
