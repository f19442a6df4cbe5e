history -r :5c41e9a51fb2-2
