upgrade heads:0b35b46ee1da --sql
