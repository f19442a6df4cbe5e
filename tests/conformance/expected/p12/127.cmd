history -r :0f1e2d3c4b5a-2
