history -r ::
