upgrade base:abc --sql
