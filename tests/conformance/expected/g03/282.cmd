upgrade heads:795b9a9a80fd --sql
