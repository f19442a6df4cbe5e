downgrade n1000003:netlib@base --sql
