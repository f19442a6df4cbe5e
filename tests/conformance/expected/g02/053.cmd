history -r e8625186ee32:+2
