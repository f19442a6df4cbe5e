downgrade heads:0af497524d6a --sql
