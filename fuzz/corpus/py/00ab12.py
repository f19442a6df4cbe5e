"""legacy: id from the file name"""
down_revision = None
