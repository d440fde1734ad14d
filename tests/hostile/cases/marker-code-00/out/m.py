# [[[cog import os; os.system('touch CANARY') ]]]
# [[[end]]]
