downgrade c76a6fa84dca:nosuch --sql
