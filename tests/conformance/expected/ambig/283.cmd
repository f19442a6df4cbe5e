history -r ab:ab
