stamp --sql d45c9ec353c1:base
