upgrade heads:844da65423a9 --sql
