# [[[cog __import__('os').system('touch CANARY') ]]]
# [[[end]]]
