stamp --sql alpha@head
