history -r ab
