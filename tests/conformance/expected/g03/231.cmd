stamp --sql 633ae0f9e038
