stamp --sql billing@head
