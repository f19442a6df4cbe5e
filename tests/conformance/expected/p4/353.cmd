stamp --sql core@head
