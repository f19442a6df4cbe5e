merge -m "join" 5790c1d3fcff 451af1d69ed6
