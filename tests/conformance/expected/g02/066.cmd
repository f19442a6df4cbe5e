history -r :5d300706a045+1
