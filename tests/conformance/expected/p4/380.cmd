merge -m "join" a100
