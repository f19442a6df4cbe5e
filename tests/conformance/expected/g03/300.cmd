stamp --sql head:c76a6fa84dca
