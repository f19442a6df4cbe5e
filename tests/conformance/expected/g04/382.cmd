downgrade 42a0ce80c4b0:alpha@base --sql
