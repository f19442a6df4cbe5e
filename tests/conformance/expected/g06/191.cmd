stamp --sql a502b2aaf854:base
