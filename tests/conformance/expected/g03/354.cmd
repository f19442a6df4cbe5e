upgrade 0af497524d6a:c76a6fa84dca-1 --sql
