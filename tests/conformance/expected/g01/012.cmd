history -r afbd619699cf:cd61d8f16adf
