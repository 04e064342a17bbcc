# %% [markdown]
# # Lesson 2: the linear model, found by exhaustive search
#
# *PyTorch 深度学习实践 (PyTorch Deep Learning Practice), lesson 2.*
#
# Students who study **x** hours score **y** points. We have three students:
#
# | x (hours) | y (points) |
# |---|---|
# | 1 | 2 |
# | 2 | 4 |
# | 3 | 6 |
#
# What does a student who studies 4 hours score? We guess that the score is a multiple
# of the hours, `y_hat = x * w`, and look for the weight `w` that fits the data best:
# we try every `w` from 0.0 to 4.0 in steps of 0.1 and keep the one whose predictions
# are closest to the data. No calculus yet: just trying, measuring and keeping the best.
#
# Fill in each function below: replace `raise NotImplementedError` with your code.
# Run `grader check` to see which parts are right.

# %%
import numpy as np

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W_VALUES = np.arange(0.0, 4.1, 0.1)

# %% [markdown]
# ## 1. The model
#
# The model predicts `y_hat = x * w`. Write it so that it works for one number and,
# unchanged, for a whole NumPy array of inputs.


# %%
def forward(x, w):
    """The prediction of the linear model for input `x` with weight `w`: x * w."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 2. The loss of one sample
#
# How wrong is one prediction? The lesson squares the error: `(y_hat - y) ** 2`. The
# square makes every error positive and punishes large errors more than small ones.


# %%
def loss(x, y, w):
    """The squared error of the prediction for one sample: (forward(x, w) - y) ** 2."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 3. The cost: mean squared error
#
# The cost of a weight over the whole data set is the **mean** of the losses of its
# samples (MSE). Divide by the number of samples in the data you are given, not by 3:
# the same function must work for any data set.


# %%
def mse(x_data, y_data, w):
    """The mean of loss(x, y, w) over the samples (x, y) of the data set."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 4. Exhaustive search: the cost of every w
#
# Compute the MSE of each weight in `w_values`, in the order given. This is the table
# the lesson prints: `w=0.0 MSE=18.67`, `w=0.1 MSE=16.85`, ...


# %%
def mse_sweep(x_data, y_data, w_values):
    """The MSE of each w in w_values, in the same order: one number per w."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 5. Reading the minimum, and answering the question
#
# The best weight is the one with the smallest MSE. Return the weight itself, not its
# position in the list. Then use it to predict the score of a student who studies
# `x` hours.


# %%
def best_w(x_data, y_data, w_values):
    """The w in w_values with the smallest MSE on the data."""
    # YOUR CODE HERE
    raise NotImplementedError


# %%
def predict(x, x_data, y_data, w_values):
    """The prediction for x, using the best w found by exhaustive search."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 6. The model with a bias
#
# Now the data are `x = [1, 2, 3]`, `y = [4, 7, 10]`: no line through the origin fits
# them. The model gets a second parameter, the bias `b`: `y_hat = x * w + b`.

# %%
XB_DATA = [1.0, 2.0, 3.0]
YB_DATA = [4.0, 7.0, 10.0]
WB_VALUES = np.arange(0.0, 4.1, 0.1)
B_VALUES = np.arange(-2.0, 2.1, 0.1)


# %%
def forward_wb(x, w, b):
    """The prediction of the model with bias: x * w + b."""
    # YOUR CODE HERE
    raise NotImplementedError


# %%
def mse_wb(x_data, y_data, w, b):
    """The mean squared error of the model with bias over the data set."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 7. The cost over a grid of (w, b)
#
# With two parameters we sweep a grid. `np.meshgrid(w_values, b_values)` returns two
# arrays `W` and `B` of shape `(len(b_values), len(w_values))`: row `i` belongs to
# `b_values[i]`, column `j` to `w_values[j]`. Return `W`, `B` and the array `MSE` of the
# same shape, with `MSE[i, j]` the cost at `(W[i, j], B[i, j])`.


# %%
def mse_grid(x_data, y_data, w_values, b_values):
    """(W, B, MSE) over np.meshgrid(w_values, b_values): MSE[i, j] is the cost at (W[i, j], B[i, j])."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 8. From the lesson's loop to the grid
#
# The lesson fills three flat lists with a nested loop, `w` outside and `b` inside:
#
# ```python
# for w in w_values:
#     for b in b_values:
#         w_list.append(w); b_list.append(b); mse_list.append(mse_wb(x_data, y_data, w, b))
# ```
#
# Turn them into `W`, `B`, `MSE` laid out as `np.meshgrid(w_values, b_values)`.
# Careful: the list runs through all `b` for the first `w` first, so it is **not** in the
# meshgrid's row order. A plain `reshape(len(b_values), len(w_values))` mixes the costs up
# (and on a square grid nothing even looks wrong).


# %%
def to_grid(w_list, b_list, mse_list):
    """(W, B, MSE) in np.meshgrid layout, from flat lists filled with w outer and b inner."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 9. The best (w, b)


# %%
def best_wb(x_data, y_data, w_values, b_values):
    """The grid point (w, b) with the smallest MSE."""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 10. Pictures
#
# Draw the cost against `w` (the lesson's curve, lowest at w = 2) and the cost over the
# (w, b) grid as a 3-D surface. Label the axes, and return the Axes you drew on.
# (matplotlib is imported inside these functions so that the rest of the file loads
# quickly.)


# %%
def plot_sweep(w_values, mse_values):
    """Draw MSE against w as a line; return the Axes."""
    import matplotlib.pyplot as plt

    # YOUR CODE HERE
    raise NotImplementedError


# %%
def plot_surface(W, B, MSE):
    """Draw MSE over the (W, B) grid as a 3-D surface; return the 3-D Axes."""
    import matplotlib.pyplot as plt

    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## Try it
#
# Run this file (`python linear_model.py`), or this cell in the notebook, once your
# functions work: it prints the lesson's answers and draws both pictures.

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    w = best_w(X_DATA, Y_DATA, W_VALUES)
    print(f"best w = {w:.1f}; a student who studies 4 hours scores {predict(4.0, X_DATA, Y_DATA, W_VALUES):.1f}")
    plot_sweep(W_VALUES, mse_sweep(X_DATA, Y_DATA, W_VALUES))
    W, B, MSE = mse_grid(XB_DATA, YB_DATA, WB_VALUES, B_VALUES)
    print("best (w, b) =", tuple(round(float(v), 1) for v in best_wb(XB_DATA, YB_DATA, WB_VALUES, B_VALUES)))
    plot_surface(W, B, MSE)
    plt.show()
