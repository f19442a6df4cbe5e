history -r base:base
