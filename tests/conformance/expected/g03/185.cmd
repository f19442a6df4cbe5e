upgrade 0af497524d6a:heads --sql
