upgrade aaaa0001:heads --sql
