history -r :7403e93f4a5a-2
