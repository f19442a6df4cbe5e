show zz@base
