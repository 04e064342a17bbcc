# %% [markdown]
# # Lesson 3: gradient descent
#
# Say what the lesson teaches, its data and its question. Fill in each function below:
# replace `raise NotImplementedError` with your code. Run `grader check` to see which
# parts are right.

# %%
import numpy as np


# %% [markdown]
# ## 1. An example exercise
#
# Replace this example with the lesson's first function; keep its solution between the
# BEGIN and END SOLUTION markers, which `grader build` turns into a stub.


# %%
def double(x):
    """Twice x, for a number and elementwise for a NumPy array."""
    # YOUR CODE HERE
    raise NotImplementedError
