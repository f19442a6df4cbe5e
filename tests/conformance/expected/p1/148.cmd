upgrade heads:ae1027a6acf --sql
