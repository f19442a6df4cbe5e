show d17fe01f5057
