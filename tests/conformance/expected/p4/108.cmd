show a100
