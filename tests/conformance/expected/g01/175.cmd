downgrade heads:cd61d8f16adf --sql
