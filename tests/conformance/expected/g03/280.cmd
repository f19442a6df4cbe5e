upgrade heads:c76a6fa84dca --sql
