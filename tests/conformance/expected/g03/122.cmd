show c76a6fa84dca
