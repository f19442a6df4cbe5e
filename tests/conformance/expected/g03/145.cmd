show delta@base
