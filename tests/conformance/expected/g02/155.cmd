upgrade 6a27cbf87544:heads --sql
