revision -m "next step" --head 5790c1d3fcff
