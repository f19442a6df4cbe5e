"""café"""
revision = "x"
