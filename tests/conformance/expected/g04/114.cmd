show d84416332aca
