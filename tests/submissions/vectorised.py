"""Every function vectorised with NumPy, returning arrays."""
import numpy as np
import matplotlib.pyplot as plt


def forward(x, w):
    return np.multiply(x, w)


def loss(x, y, w):
    return np.square(forward(x, w) - y)


def mse(x_data, y_data, w):
    return np.mean(loss(np.asarray(x_data), np.asarray(y_data), w))


def mse_sweep(x_data, y_data, w_values):
    x, y, w = np.asarray(x_data), np.asarray(y_data), np.asarray(w_values, dtype=float)
    return ((w[:, None] * x[None, :] - y[None, :]) ** 2).mean(axis=1)


def best_w(x_data, y_data, w_values):
    return np.asarray(w_values)[np.argmin(mse_sweep(x_data, y_data, w_values))]


def predict(x, x_data, y_data, w_values):
    return forward(x, best_w(x_data, y_data, w_values))


def forward_wb(x, w, b):
    return x * w + b


def mse_wb(x_data, y_data, w, b):
    return np.mean((forward_wb(np.asarray(x_data), w, b) - np.asarray(y_data)) ** 2)


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values)
    x, y = np.asarray(x_data), np.asarray(y_data)
    MSE = ((W[..., None] * x + B[..., None] - y) ** 2).mean(axis=-1)
    return W, B, MSE


def to_grid(w_list, b_list, mse_list):
    w_axis, b_axis = np.unique(w_list), np.unique(b_list)
    shape = (len(w_axis), len(b_axis))
    return tuple(np.asarray(v, dtype=float).reshape(shape).T for v in (w_list, b_list, mse_list))


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    k = np.argmin(MSE)
    return W.flat[k], B.flat[k]


def plot_sweep(w_values, mse_values):
    ax = plt.figure().gca()
    ax.plot(w_values, mse_values, "b-")
    ax.set(xlabel="Weight w", ylabel="MSE")
    return ax


def plot_surface(W, B, MSE):
    fig = plt.figure()
    ax = fig.add_subplot(111, projection="3d")
    ax.plot_surface(W, B, MSE, rstride=1, cstride=1)
    ax.set_xlabel("w")
    ax.set_ylabel("bias")
    ax.set_zlabel("cost")
    return ax
