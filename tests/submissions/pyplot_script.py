"""Correct answers with pyplot's implicit Axes (`plt.plot`, `plt.gca()`), and the lesson's script at import.

The script runs unguarded: it draws the w-loss curve, changes rcParams, NumPy's error and
print settings and seeds its random generator, all before any check calls a function.
"""
import random

import matplotlib.pyplot as plt
import numpy as np


def forward(x, w):
    return x * w


def loss(x, y, w):
    return (forward(x, w) - y) ** 2


def mse(x_data, y_data, w):
    return sum(loss(x, y, w) for x, y in zip(x_data, y_data)) / len(x_data)


def mse_sweep(x_data, y_data, w_values):
    return [mse(x_data, y_data, w) for w in w_values]


def best_w(x_data, y_data, w_values):
    costs = mse_sweep(x_data, y_data, w_values)
    return w_values[costs.index(min(costs))]


def predict(x, x_data, y_data, w_values):
    return forward(x, best_w(x_data, y_data, w_values))


def forward_wb(x, w, b):
    return x * w + b


def mse_wb(x_data, y_data, w, b):
    return sum((forward_wb(x, w, b) - y) ** 2 for x, y in zip(x_data, y_data)) / len(x_data)


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.zeros(W.shape)
    for i in range(len(b_values)):
        for j in range(len(w_values)):
            MSE[i, j] = mse_wb(x_data, y_data, W[i, j], B[i, j])
    return W, B, MSE


def to_grid(w_list, b_list, mse_list):
    w_values = list(dict.fromkeys(w_list))
    b_values = list(dict.fromkeys(b_list))
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.array(mse_list, dtype=float).reshape(len(w_values), len(b_values)).T
    return W, B, MSE


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    i, j = np.unravel_index(np.argmin(MSE), MSE.shape)
    return W[i, j], B[i, j]


def plot_sweep(w_values, mse_values):
    plt.plot(w_values, mse_values)
    plt.xlabel("w")
    plt.ylabel("Loss")
    return plt.gca()


def plot_surface(W, B, MSE):
    ax = plt.figure().add_subplot(projection="3d")
    ax.plot_surface(W, B, MSE)
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    ax.set_zlabel("MSE")
    return ax


x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]
np.seterr(all="raise")
np.set_printoptions(precision=2)
np.random.seed(7)
random.seed(7)
plt.rcParams["lines.linewidth"] = 4
w_list = list(np.arange(0.0, 4.1, 0.1))
plot_sweep(w_list, mse_sweep(x_data, y_data, w_list))
plt.show()
