show base
