downgrade 685695c76ab4:alpha@base --sql
