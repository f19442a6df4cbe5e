downgrade c76a6fa84dca:0af497524d6a --sql
