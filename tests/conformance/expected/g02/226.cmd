downgrade heads:6a27cbf87544 --sql
