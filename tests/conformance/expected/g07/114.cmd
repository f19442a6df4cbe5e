show 5790c1d3fcff
