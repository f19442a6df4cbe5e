show 420b378c74dc
