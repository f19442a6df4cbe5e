downgrade c76a6fa84dca:c76a6fa84dca-2 --sql
