# %% [markdown]
# # Lesson 3: gradient descent
#
# *PyTorch 深度学习实践 (PyTorch Deep Learning Practice), lesson 3.*
#
# Lesson 2 found the weight `w` of the model `y_hat = x * w` by trying every `w`. This
# lesson asks the same question of the same data (students who study x hours score y
# points: x = 1, 2, 3 and y = 2, 4, 6; what does a student who studies 4 hours score?)
# and **follows the slope** instead: start from `w = 1.0`, compute the gradient of the
# cost, take a small step against it (learning rate 0.01), and repeat for 100 epochs.
# `w` tends to 2, and the prediction for 4 hours to 8. The lesson ends with stochastic
# gradient descent (SGD): one update per sample, using that sample's gradient.
#
# Fill in each function below: replace `raise NotImplementedError` with your code.
# Run `grader check` to see which parts are right.

# %%
import numpy as np

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W0 = 1.0
LEARNING_RATE = 0.01
EPOCHS = 100

# %% [markdown]
# ## 1. The model
#
# As in lesson 2, the model predicts `y_hat = x * w`, for one number or, unchanged, for a
# whole NumPy array of inputs.


# %%
def forward(x, w):
    """The prediction of the linear model for input `x` with weight `w`: x * w."""
    ### BEGIN SOLUTION
    return x * w
    ### END SOLUTION


# %% [markdown]
# ## 2. The cost
#
# The cost of `w` on the data set is the mean squared error: the mean, over the samples,
# of `(forward(x, w) - y) ** 2`. Divide by the number of samples you are given, not by 3.


# %%
def cost(x_data, y_data, w):
    """The mean of (forward(x, w) - y) ** 2 over the samples (x, y) of the data set."""
    ### BEGIN SOLUTION
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += (forward(x, w) - y) ** 2
    return total / len(x_data)
    ### END SOLUTION


# %% [markdown]
# ## 3. The gradient
#
# The slope of the cost at `w` is its derivative: the mean, over the samples, of
# `2 * x * (x * w - y)`. Where it is positive, a larger `w` costs more.


# %%
def gradient(x_data, y_data, w):
    """d cost / d w: the mean of 2 * x * (x * w - y) over the samples of the data set."""
    ### BEGIN SOLUTION
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += 2 * x * (x * w - y)
    return total / len(x_data)
    ### END SOLUTION


# %% [markdown]
# ## 4. One step
#
# Gradient descent moves `w` a little **against** the slope: `w - lr * grad`, where `lr`
# is the learning rate.


# %%
def step(w, grad, lr):
    """The weight after one update against the gradient: w - lr * grad."""
    ### BEGIN SOLUTION
    return w - lr * grad
    ### END SOLUTION


# %% [markdown]
# ## 5. Training: batch gradient descent
#
# Start from `w0` and make `epochs` updates, each with the gradient of the whole data
# set. Record the cost at the start of each epoch, before its update (what the lesson
# prints), and return the final `w` and the list of costs.


# %%
def train(x_data, y_data, w0, lr, epochs):
    """(w, costs): w after `epochs` updates from w0; costs[k] is the cost before update k."""
    ### BEGIN SOLUTION
    w, costs = w0, []
    for _ in range(epochs):
        costs.append(cost(x_data, y_data, w))
        w = step(w, gradient(x_data, y_data, w), lr)
    return w, costs
    ### END SOLUTION


# %% [markdown]
# ## 6. The gradient of one sample
#
# Stochastic gradient descent updates `w` after every sample, with the gradient of that
# sample's loss `(x * w - y) ** 2` alone: `2 * x * (x * w - y)`.


# %%
def sgd_gradient(x, y, w):
    """The gradient of one sample's loss (x * w - y) ** 2: 2 * x * (x * w - y)."""
    ### BEGIN SOLUTION
    return 2 * x * (x * w - y)
    ### END SOLUTION


# %% [markdown]
# ## 7. Stochastic gradient descent
#
# Pass over the data `epochs` times, in the given order, updating `w` after each sample
# with that sample's gradient. After each epoch record the loss of its last sample,
# computed after that sample's update (what the lesson prints).


# %%
def train_sgd(x_data, y_data, w0, lr, epochs):
    """(w, losses): w after `epochs` passes of one update per sample; losses[k] ends epoch k."""
    ### BEGIN SOLUTION
    w, losses = w0, []
    for _ in range(epochs):
        for x, y in zip(x_data, y_data):
            w = step(w, sgd_gradient(x, y, w), lr)
            last = (forward(x, w) - y) ** 2
        losses.append(last)
    return w, losses
    ### END SOLUTION


# %% [markdown]
# ## 8. The answer
#
# Train, then predict with the trained weight.


# %%
def predict(x, x_data, y_data, w0, lr, epochs):
    """forward(x, w) with the w that train(x_data, y_data, w0, lr, epochs) ends with."""
    ### BEGIN SOLUTION
    w, _ = train(x_data, y_data, w0, lr, epochs)
    return forward(x, w)
    ### END SOLUTION


# %% [markdown]
# ## 9. The training curve
#
# Draw the cost against the epoch: one line, x from 0 to len(costs) - 1, and label both
# axes. Return the Axes you drew on.


# %%
def plot_costs(costs):
    """Draw costs against the epoch (0, 1, ...) with labelled axes; return the Axes."""
    import matplotlib.pyplot as plt

    ### BEGIN SOLUTION
    fig, ax = plt.subplots()
    ax.plot(range(len(costs)), costs)
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Cost (MSE)")
    return ax
    ### END SOLUTION


# %% [markdown]
# ## Try it
#
# Run this file (`python gradient_descent.py`), or this cell in the notebook, once your
# functions work: it prints the lesson's training and draws its curve.

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    print("Predict (before training)", 4.0, forward(4.0, W0))
    w, costs = train(X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS)
    for epoch in range(0, EPOCHS, 10):
        print(f"Epoch: {epoch}  cost = {costs[epoch]:.6f}")
    print(f"w = {w:.4f}; a student who studies 4 hours scores "
          f"{predict(4.0, X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS):.4f}")
    w_sgd, losses = train_sgd(X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS)
    print(f"SGD: w = {w_sgd:.4f}, last loss = {losses[-1]:.6f}")
    plot_costs(costs)
    plt.show()
